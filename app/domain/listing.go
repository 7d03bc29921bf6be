package domain

// PageRequest asks a store for one page of a list: its number, from 1, and
// how many items a page holds. A page past the end is empty, or the last
// page when LastWhenPast (a link kept from when the list was longer still
// lands on its items).
type PageRequest struct {
	Number, Size int
	LastWhenPast bool
}

// Offset is how many items come before the page.
func (r PageRequest) Offset() int { return max(r.Number-1, 0) * r.Size }

// Page is one page of a list, as a store reads it and the API returns it.
type Page[T any] struct {
	Items   []T `json:"items"`
	Page    int `json:"page"`
	PerPage int `json:"per_page"`
	Total   int `json:"total"`
}

// Pages is how many pages the list has, at least one.
func (p Page[T]) Pages() int { return max((p.Total+p.PerPage-1)/max(p.PerPage, 1), 1) }

// Within is r for a list of total items: its last page when r asks past the
// end and says so.
func (r PageRequest) Within(total int) PageRequest {
	if last := (Page[struct{}]{PerPage: r.Size, Total: total}).Pages(); r.LastWhenPast && r.Number > last {
		r.Number = last
	}
	return r
}

// PageOf is the page r asks of a list kept whole in memory; its items are
// a slice of items, to be read only.
func PageOf[T any](items []T, r PageRequest) Page[T] {
	r = r.Within(len(items))
	p := Page[T]{Page: r.Number, PerPage: r.Size, Total: len(items), Items: []T{}}
	if r.Offset() < len(items) {
		p.Items = items[r.Offset():min(r.Offset()+r.Size, len(items))]
	}
	return p
}

// BookingFilter picks bookings; an empty field matches any.
type BookingFilter struct {
	SessionID       string
	OfferID         string
	CounsellorID    string
	OrganisationIDs []string // the employer's organisations: nil matches any, an empty list none
	Status          BookingStatus
	NewestFirst     bool // staff lists; otherwise oldest first, the order of a waitlist
}

// ApplicationFilter picks applications, newest first; an empty field
// matches any.
type ApplicationFilter struct {
	OfferID         string
	YouthID         string
	OrganisationIDs []string // the employer's organisations: nil matches any, an empty list none
}

// OfferFilter picks offers, newest first unless a queue asks for the
// oldest; an empty field matches any.
type OfferFilter struct {
	OrganisationIDs []string // nil matches any, an empty list none
	Status          OfferStatus
	OldestFirst     bool // the moderation queue
}

// WithItems is the page p holding items in place of its own (the same
// items in another shape).
func WithItems[U, T any](p Page[T], items []U) Page[U] {
	return Page[U]{Items: items, Page: p.Page, PerPage: p.PerPage, Total: p.Total}
}
