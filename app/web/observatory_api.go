package web

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/observatory"
)

// openFigures is the JSON of the observatory's figures: the page's tables.
type openFigures struct {
	Licence     string      `json:"licence"`
	LicenceURL  string      `json:"licence_url"`
	Producer    string      `json:"producer"`
	ComputedAt  time.Time   `json:"computed_at"`
	SecretBelow int         `json:"secret_below"`
	Commune     string      `json:"commune,omitempty"`
	SchoolYear  string      `json:"school_year,omitempty"`
	Tables      []openTable `json:"tables"`
}

type openTable struct {
	Name      string    `json:"name"`
	Title     string    `json:"title"`
	Dimension string    `json:"dimension"`
	Measures  []string  `json:"measures"`
	Rows      []openRow `json:"rows"`
	Total     openRow   `json:"total"`
}

type openRow struct {
	Key   string              `json:"key,omitempty"`
	Label string              `json:"label"`
	Cells map[string]openCell `json:"cells"`
}

// openCell carries a value, or says it is secret: a secret cell's value
// never leaves the server.
type openCell struct {
	Value  *int64 `json:"value,omitempty"`
	Secret bool   `json:"secret,omitempty"`
}

func openRowOf(t obsTable, r obsRow) openRow {
	o := openRow{Key: r.Key, Label: r.Label, Cells: map[string]openCell{}}
	for i, c := range r.Cells {
		if c.Secret {
			o.Cells[t.Measures[i]] = openCell{Secret: true}
		} else {
			v := c.Value
			o.Cells[t.Measures[i]] = openCell{Value: &v}
		}
	}
	return o
}

// apiOpenFigures answers the observatory's figures for a commune or a
// territory and a school year, as the page shows them.
func (s *Server) apiOpenFigures(c *fiber.Ctx) error {
	fig, sl, err := s.observatoryFigures(c, "school_year")
	if err != nil {
		return err
	}
	l := s.localizer(c)
	out := openFigures{Licence: openLicence, LicenceURL: openLicenceURL, Producer: l.T("observatory.producer"),
		ComputedAt: fig.At, SecretBelow: observatory.Threshold, Commune: sl.Geo, SchoolYear: sl.Year, Tables: []openTable{}}
	for _, t := range s.observatoryTables(l, fig, sl) {
		ot := openTable{Name: t.Name, Title: t.Title, Dimension: t.Dimension, Measures: t.Measures, Rows: []openRow{},
			Total: openRowOf(t, t.Total)}
		for _, r := range t.Rows {
			ot.Rows = append(ot.Rows, openRowOf(t, r))
		}
		out.Tables = append(out.Tables, ot)
	}
	return c.JSON(out)
}

// openOffer is a published offer as open data: what its public page shows,
// without the contact.
type openOffer struct {
	ID               string    `json:"id"`
	Title            string    `json:"title"`
	Type             string    `json:"type"`
	OrganisationName string    `json:"organisation_name"`
	CommuneCode      string    `json:"commune_code,omitempty"`
	Commune          string    `json:"commune,omitempty"`
	Territory        string    `json:"territory,omitempty"`
	ROMECodes        []string  `json:"rome_codes"`
	TensionFamily    string    `json:"tension_family,omitempty"`
	ESS              bool      `json:"ess"`
	Places           int       `json:"places"`
	StartDate        time.Time `json:"start_date"`
	EndDate          time.Time `json:"end_date"`
	PublishedAt      time.Time `json:"published_at"`
	URL              string    `json:"url"`
}

// readOpenOffers is the open-data list of the offers published now, the
// latest first (a read model: the same for everyone).
func (s *Server) readOpenOffers(ctx context.Context) ([]openOffer, error) {
	all, err := s.deps.Store.AllOffers(ctx)
	if err != nil {
		return nil, err
	}
	list := []openOffer{}
	for _, o := range all {
		if o.Status != domain.OfferPublished || o.PublishedAt == nil {
			continue
		}
		oo := openOffer{ID: o.ID, Title: o.Title, Type: string(o.Type), OrganisationName: o.OrganisationName,
			ROMECodes: o.ROMECodes, TensionFamily: o.TensionFamily, ESS: o.ESS, Places: o.Places,
			StartDate: o.StartDate, EndDate: o.EndDate, PublishedAt: *o.PublishedAt, URL: "/offres/" + o.ID}
		if isCommune(o.CommuneCode) {
			oo.CommuneCode, oo.Commune, oo.Territory = o.CommuneCode, communeName(o.CommuneCode), observatory.TerritoryOf(o.CommuneCode)
		}
		if oo.ROMECodes == nil {
			oo.ROMECodes = []string{}
		}
		list = append(list, oo)
	}
	slices.SortFunc(list, func(a, b openOffer) int {
		return cmp.Or(b.PublishedAt.Compare(a.PublishedAt), strings.Compare(a.ID, b.ID))
	})
	return list, nil
}

// apiOpenOffers answers a page of the published offers, of a commune or a
// territory and of a type when asked.
func (s *Server) apiOpenOffers(c *fiber.Ctx) error {
	sl, err := readSlice(nil, c.Query("commune"), "", "")
	if err != nil {
		return err
	}
	kind := c.Query("type")
	if kind != "" && !slices.Contains(domain.OfferTypes, domain.OfferType(kind)) {
		return domain.FieldError("type", "error.observatory.type")
	}
	all, err := s.readModels.openOffers.Get(c.UserContext())
	if err != nil {
		return err
	}
	list := all
	if sl.Geo != "" || kind != "" {
		list = []openOffer{}
		for _, o := range all {
			if (sl.Geo == "" || o.CommuneCode == sl.Geo || o.Territory == sl.Geo ||
				(sl.Geo == observatory.Outside && o.CommuneCode == "")) && (kind == "" || o.Type == kind) {
				list = append(list, o)
			}
		}
	}
	c.Set("Link", "<"+openLicenceURL+`>; rel="license"`)
	return sendPage(c, list)
}
