package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// apiPageRequest reads the page of a list the API is asked for
// (?page=1&per_page=20), which the store then reads alone.
func apiPageRequest(c *fiber.Ctx) (domain.PageRequest, error) {
	n, err := pageNumber("page", c.Query("page"))
	if err != nil {
		return domain.PageRequest{}, err
	}
	per, err := perPage(c.Query("per_page"))
	return domain.PageRequest{Number: n, Size: per}, err
}

// listPage is the page of a list that the list's parameter asks for,
// listPerPage items a page; past the end, the last one.
func listPage(c *fiber.Ctx, at listAt) (domain.PageRequest, error) {
	n, err := pageNumber(at.parameter(), c.Query(at.parameter()))
	return domain.PageRequest{Number: n, Size: listPerPage, LastWhenPast: true}, err
}

// readPage reads from the store the page of a list that the list's
// parameter asks for, with its pager.
func readPage[T any](c *fiber.Ctx, at listAt, read func(domain.PageRequest) (domain.Page[T], error)) ([]T, pager, error) {
	r, err := listPage(c, at)
	if err != nil {
		return nil, pager{}, err
	}
	p, err := read(r)
	if err != nil {
		return nil, pager{}, err
	}
	pg, err := newPager(c, p.Total, at)
	return p.Items, pg, err
}

// sendPageOf answers with one page of a list that the store read for the
// API, asking it for the page the query names.
func sendPageOf[T any](c *fiber.Ctx, read func(domain.PageRequest) (domain.Page[T], error)) error {
	r, err := apiPageRequest(c)
	if err != nil {
		return err
	}
	p, err := read(r)
	if err != nil {
		return err
	}
	return c.JSON(p)
}
