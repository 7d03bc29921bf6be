package web

import (
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"
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

// pageNumber reads the page a query or a form asks for: anything but a
// positive number is the first page, for the pages and the API alike.
func pageNumber(value string) int {
	n, _ := strconv.Atoi(value)
	return max(n, 1)
}

// listAt places a paged list: the page that shows it (a form that fails
// renders it from another path), its query parameter ("page" when empty) and
// the id of its section, which links go back to when the page has others.
type listAt struct{ path, param, anchor string }

// pageOf cuts items to the page the list's parameter asks for, listPerPage
// items a page.
func pageOf[T any](c *fiber.Ctx, items []T, at listAt) ([]T, pager) {
	p := newPager(c, len(items), at)
	return items[p.offset():min(p.offset()+listPerPage, len(items))], p
}

// newPager places the page the list's parameter asks for in a list of total
// items, for a store to read that page only. A page past the end shows the
// last one: a link kept from when the list was longer still lands on its
// items. Links keep the rest of the query (filters, another list's page).
func newPager(c *fiber.Ctx, total int, at listAt) pager {
	at.param = at.parameter()
	pages := max((total+listPerPage-1)/listPerPage, 1)
	p := pager{Page: min(pageNumber(c.Query(at.param)), pages), Pages: pages}
	if p.Page > 1 {
		p.Prev = at.link(c, p.Page-1)
	}
	if p.Page < pages {
		p.Next = at.link(c, p.Page+1)
	}
	return p
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

// backToList is where a form posted from a page of a back-office list goes
// back to: the same search, on the same page.
func backToList(c *fiber.Ctx, path string) string {
	q := url.Values{"q": {c.FormValue("q")}}
	if n := pageNumber(c.FormValue("page")); n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	return path + "?" + q.Encode()
}
