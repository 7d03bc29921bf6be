package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

const (
	defaultPerPage = 20
	maxPerPage     = 100
)

// apiPageRequest reads the page of a list the API is asked for
// (?page=1&per_page=20), which the store then reads alone.
func apiPageRequest(c *fiber.Ctx) domain.PageRequest {
	per, _ := strconv.Atoi(c.Query("per_page", strconv.Itoa(defaultPerPage)))
	return domain.PageRequest{Number: pageNumber(c.Query("page")), Size: min(max(per, 1), maxPerPage)}
}

// listPage is the page of a list that the list's parameter asks for,
// listPerPage items a page; past the end, the last one.
func listPage(c *fiber.Ctx, at listAt) domain.PageRequest {
	return domain.PageRequest{Number: pageNumber(c.Query(at.parameter())), Size: listPerPage, LastWhenPast: true}
}

// readPage reads from the store the page of a list that the list's
// parameter asks for, with its pager.
func readPage[T any](c *fiber.Ctx, at listAt, read func(domain.PageRequest) (domain.Page[T], error)) ([]T, pager, error) {
	p, err := read(listPage(c, at))
	if err != nil {
		return nil, pager{}, err
	}
	return p.Items, newPager(c, p.Total, at), nil
}

// paginate cuts a list already read whole to the page the API is asked
// for.
func paginate[T any](c *fiber.Ctx, items []T) domain.Page[T] {
	r := apiPageRequest(c)
	from := min(r.Offset(), len(items))
	return domain.Page[T]{Items: items[from:min(from+r.Size, len(items))], Page: r.Number, PerPage: r.Size, Total: len(items)}
}
