package web

import (
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// listPerPage is how many items a page of a list shows, as many as a page
// of the API by default.
const listPerPage = defaultPerPage

// pager is where a page of a list stands, for the "pager" partial: the
// search results fill the same fields.
type pager struct {
	Page, Pages int
	Prev, Next  string // links to the neighbour pages, "" at the ends
}

// maxPage bounds page numbers, far beyond any list of the platform, so that
// no offset computed from one overflows.
const maxPage = 1_000_000

// pageNumber reads the page that the parameter param asks for: none is the
// first; anything but a whole number from 1 to maxPage is refused, on the
// pages and in the API alike.
func pageNumber(param, value string) (int, error) {
	return boundedNumber(param, value, 1, maxPage, "error.page")
}

// perPage reads the API's page size: none is defaultPerPage.
func perPage(value string) (int, error) {
	return boundedNumber("per_page", value, defaultPerPage, maxPerPage, "error.per_page")
}

// boundedNumber reads a whole number from 1 to highest, none when value is
// empty; anything else is a field error with the message key.
func boundedNumber(param, value string, none, highest int, key string) (int, error) {
	if value == "" {
		return none, nil
	}
	n, err := strconv.Atoi(value)
	if err != nil || n < 1 || n > highest {
		return 0, domain.FieldError(param, key)
	}
	return n, nil
}

// listAt places a paged list: the page that shows it (a form that fails
// renders it from another path), its query parameter ("page" when empty) and
// the id of its section, which links go back to when the page has others.
type listAt struct{ path, param, anchor string }

// pageOf cuts items to the page the list's parameter asks for, listPerPage
// items a page.
func pageOf[T any](c *fiber.Ctx, items []T, at listAt) ([]T, pager, error) {
	p, err := newPager(c, len(items), at)
	if err != nil {
		return nil, p, err
	}
	return items[p.offset():min(p.offset()+listPerPage, len(items))], p, nil
}

// newPager places the page the list's parameter asks for in a list of total
// items, for a store to read that page only. A page past the end shows the
// last one: a link kept from when the list was longer still lands on its
// items. Links keep the rest of the query (filters, another list's page).
func newPager(c *fiber.Ctx, total int, at listAt) (pager, error) {
	at.param = at.parameter()
	n, err := pageNumber(at.param, c.Query(at.param))
	if err != nil {
		return pager{}, err
	}
	pages := max((total+listPerPage-1)/listPerPage, 1)
	p := pager{Page: min(n, pages), Pages: pages}
	if p.Page > 1 {
		p.Prev = at.link(c, p.Page-1)
	}
	if p.Page < pages {
		p.Next = at.link(c, p.Page+1)
	}
	return p, nil
}

// offset is how many items come before the page.
func (p pager) offset() int { return (p.Page - 1) * listPerPage }

// parameter is the query parameter of the list's page.
func (at listAt) parameter() string {
	if at.param == "" {
		return "page"
	}
	return at.param
}

func (at listAt) link(c *fiber.Ctx, n int) string {
	q := url.Values{}
	c.Context().QueryArgs().VisitAll(func(k, v []byte) { q.Add(string(k), string(v)) })
	q.Del(at.param)
	if n > 1 {
		q.Set(at.param, strconv.Itoa(n))
	}
	link := at.path
	if enc := q.Encode(); enc != "" {
		link += "?" + enc
	}
	if at.anchor != "" {
		link += "#" + at.anchor
	}
	return link
}

const (
	defaultPerPage = 20
	maxPerPage     = 100
)

// sendPage answers with the page of items the query asks for
// (?page=1&per_page=20), of a list read whole because it is short: a
// thread's messages, an offer's sessions, a person's favourites.
func sendPage[T any](c *fiber.Ctx, items []T) error {
	r, err := apiPageRequest(c)
	if err != nil {
		return err
	}
	from := min(r.Offset(), len(items))
	return c.JSON(domain.Page[T]{Items: items[from:min(from+r.Size, len(items))], Page: r.Number, PerPage: r.Size, Total: len(items)})
}

// backToList is where a form posted from a page of a back-office list goes
// back to: the same search, on the same page.
func backToList(c *fiber.Ctx, path string) string {
	q := url.Values{"q": {c.FormValue("q")}}
	if n, err := pageNumber("page", c.FormValue("page")); err == nil && n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	return path + "?" + q.Encode()
}
