package observatory

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// Dimension names, as the page's parameters, the CSV and the API say them.
const (
	DimGeo     = "commune" // a commune's INSEE code, a territory's key, or Outside
	DimType    = "type"
	DimFamily  = "family"
	DimESS     = "ess"
	DimYear    = "school_year"
	DimEdition = "edition" // a PROGR'ESS call
	DimAxis    = "axis"
)

// Values of the dimensions that are not data.
const (
	Outside  = "hors-92" // an offer placed outside the Hauts-de-Seine (remote, another département)
	NoFamily = "none"    // not a métier en tension
	ESSYes   = "yes"
	ESSNo    = "no"
)

// Measures of the youth programme.
const (
	Offers           = "offers"            // offers published (still or once)
	Places           = "places"            // places those offers announce
	Visits           = "visits"            // visit sessions of published visit offers
	Bookings         = "bookings"          // group bookings confirmed or attended
	PriorityBookings = "priority_bookings" // of which by priority-education (REP, REP+) schools
	Youths           = "youths"            // youths reached: the seats of those bookings
	// otherBookings are the bookings outside priority education: never
	// shown, but kept secret with the two others, as bookings minus
	// priority bookings would tell them.
	otherBookings = "other_bookings"
	Applications  = "applications" // applications sent
	Accepted      = "accepted"     // applications by outcome, which add up to Applications
	Declined      = "declined"
	Pending       = "pending" // sent, seen or at interview
	Withdrawn     = "withdrawn"
	Expired       = "expired"
)

// Measures of PROGR'ESS.
const (
	Files     = "files"     // files submitted to an edition that has closed
	Requested = "requested" // whole euros those files asked for
	Laureates = "laureates" // awards of an edition whose laureates are published
	Awarded   = "awarded"   // euros awarded to them
)

// PasserelleMeasures and ProgressMeasures list the measures in display order.
var (
	PasserelleMeasures = []string{Offers, Places, Visits, Bookings, PriorityBookings, Youths, Applications, Accepted}
	Outcomes           = []string{Accepted, Declined, Pending, Withdrawn, Expired}
	ProgressMeasures   = []string{Files, Requested, Laureates, Awarded}
)

// Figures are the observatory's cubes, computed once from the facts.
type Figures struct {
	Passerelle *Cube // dimensions: commune, type, family, ess, school_year
	Progress   *Cube // dimensions: commune, edition, axis
	Years      []string
	Editions   []Edition
	Axes       []string
	At         time.Time
}

// Edition is a PROGR'ESS call the figures count.
type Edition struct {
	ID, Title string
	Published bool // its laureates are public
}

// Territory is an établissement public territorial (EPT) of the 92.
type Territory struct{ Key, Name string }

// Territories returns the four EPT of the département, from the communes'
// reference data, in the order of their names.
func Territories() []Territory {
	var list []Territory
	for _, c := range refdata.Communes() {
		if t := (Territory{territoryKey(c.EPT), c.EPT}); !slices.Contains(list, t) {
			list = append(list, t)
		}
	}
	slices.SortFunc(list, func(a, b Territory) int { return strings.Compare(a.Name, b.Name) })
	return list
}

// territoryKey is the key of an EPT: its name folded, "ept-…".
func territoryKey(name string) string {
	return "ept-" + strings.Join(strings.Fields(strings.NewReplacer("-", " ", "'", " ").Replace(refdata.Fold(name))), "-")
}

// TerritoryOf returns the key of the territory of a commune.
func TerritoryOf(code string) string {
	if c, ok := refdata.CommuneByCode(code); ok {
		return territoryKey(c.EPT)
	}
	return All
}

// geo places a commune code: itself, or Outside when it is not of the 92.
func geo(code string) string {
	if _, ok := refdata.CommuneByCode(code); ok {
		return code
	}
	return Outside
}

func geoParent(v string) string {
	if v == Outside || strings.HasPrefix(v, "ept-") {
		return All
	}
	return TerritoryOf(v)
}

// SchoolYear is the school year of t (« 2025-2026 »): from the 1st of
// September, in Paris.
func SchoolYear(t time.Time) string {
	t = t.In(domain.Paris)
	y := t.Year()
	if t.Month() < time.September {
		y--
	}
	return fmt.Sprintf("%d-%d", y, y+1)
}

var geoDim = Dim{Name: DimGeo, Parent: geoParent, Additive: true}

// Compute counts the facts into the figures, the small cells suppressed.
// now decides which editions have closed.
func Compute(f domain.ObservatoryFacts, now time.Time) *Figures {
	fig := &Figures{At: now}
	fig.Passerelle = passerelleCube(f, fig)
	fig.Progress = progressCube(f, now, fig)
	return fig
}

func passerelleCube(f domain.ObservatoryFacts, fig *Figures) *Cube {
	dims := []Dim{geoDim, {Name: DimType, Additive: true}, {Name: DimFamily, Additive: true},
		{Name: DimESS, Additive: true}, {Name: DimYear, Additive: true}}
	// One breakdown at a time besides the place and the year: the page of a
	// commune in a year by type, never type by family.
	cube := newCube(dims, func(v []string) bool {
		n := 0
		for _, x := range v[1:4] {
			if x != All {
				n++
			}
		}
		return n <= 1
	})
	cube.sums[Applications] = Outcomes
	cube.sums[Bookings] = []string{PriorityBookings, otherBookings}
	years := map[string]bool{}
	offers := map[string]domain.Offer{}
	for _, o := range f.Offers {
		offers[o.ID] = o
	}
	count := func(measure string, value int64, o domain.Offer, at time.Time) {
		year := SchoolYear(at)
		years[year] = true
		family := o.TensionFamily
		if family == "" {
			family = NoFamily
		}
		ess := ESSNo
		if o.ESS {
			ess = ESSYes
		}
		cube.add(measure, value, []string{geo(o.CommuneCode)}, []string{string(o.Type)}, []string{family},
			[]string{ess}, []string{year})
	}
	for _, o := range f.Offers {
		if o.PublishedAt != nil {
			count(Offers, 1, o, *o.PublishedAt)
			count(Places, int64(o.Places), o, *o.PublishedAt)
		}
	}
	sessions := map[string]domain.VisitSession{}
	for _, s := range f.Sessions {
		sessions[s.ID] = s
		if o, ok := offers[s.OfferID]; ok && o.PublishedAt != nil {
			count(Visits, 1, o, s.StartsAt)
		}
	}
	for _, b := range f.Bookings {
		s, ok := sessions[b.SessionID]
		o, known := offers[b.OfferID]
		if !ok || !known || (b.Status != domain.BookingConfirmed && b.Status != domain.BookingAttended) {
			continue
		}
		count(Bookings, 1, o, s.StartsAt)
		count(Youths, int64(b.Seats), o, s.StartsAt)
		if b.Priority {
			count(PriorityBookings, 1, o, s.StartsAt)
		} else {
			count(otherBookings, 1, o, s.StartsAt)
		}
	}
	for _, a := range f.Applications {
		o, ok := offers[a.OfferID]
		if !ok {
			continue
		}
		count(Applications, 1, o, a.CreatedAt)
		count(outcome(a.Status), 1, o, a.CreatedAt)
	}
	for y := range years {
		fig.Years = append(fig.Years, y)
	}
	slices.Sort(fig.Years)
	slices.Reverse(fig.Years)
	cube.suppress()
	return cube
}

// outcome is the measure of an application's status.
func outcome(s domain.ApplicationStatus) string {
	switch s {
	case domain.ApplicationAccepted:
		return Accepted
	case domain.ApplicationDeclined:
		return Declined
	case domain.ApplicationWithdrawn:
		return Withdrawn
	case domain.ApplicationExpired:
		return Expired
	}
	return Pending
}

func progressCube(f domain.ObservatoryFacts, now time.Time, fig *Figures) *Cube {
	dims := []Dim{geoDim, {Name: DimEdition, Additive: true}, {Name: DimAxis}}
	cube := newCube(dims, func([]string) bool { return true })
	calls := slices.Clone(f.Calls)
	slices.SortFunc(calls, func(a, b domain.Call) int { return b.OpensAt.Compare(a.OpensAt) })
	// An edition counts once it has closed (its files are all in), its
	// laureates once staff published them.
	closed, published := map[string]bool{}, map[string]bool{}
	for _, c := range calls {
		if c.ClosesAt.After(now) {
			continue
		}
		closed[c.ID], published[c.ID] = true, c.LaureatesPublished
		fig.Editions = append(fig.Editions, Edition{ID: c.ID, Title: c.Title, Published: c.LaureatesPublished})
	}
	files := map[string]domain.GrantApplication{}
	for _, g := range f.Grants {
		files[g.ID] = g
		if !closed[g.CallID] || g.State == domain.GrantDraft {
			continue
		}
		at := progressPlace(g)
		cube.add(Files, 1, at...)
		cube.add(Requested, euros(g.Content.Budget.Requested()), at...)
		for _, a := range g.Content.Project.Axes {
			if !slices.Contains(fig.Axes, a) {
				fig.Axes = append(fig.Axes, a)
			}
		}
	}
	for _, a := range f.Awards {
		g, ok := files[a.ID]
		if !ok || !published[a.CallID] {
			continue
		}
		at := progressPlace(g)
		cube.add(Laureates, 1, at...)
		cube.add(Awarded, euros(a.Amount), at...)
	}
	cube.suppress()
	return cube
}

// euros rounds an amount to the euro: the figures are in euros.
func euros(m domain.Money) int64 { return (int64(m) + 50) / 100 }

// progressPlace is where a file counts: its organisation's commune, its
// edition, its axes.
func progressPlace(g domain.GrantApplication) [][]string {
	return [][]string{{geo(g.Content.Identity.CommuneCode)}, {g.CallID}, g.Content.Project.Axes}
}

// Source reads the facts (the store).
type Source interface {
	ObservatoryFacts(ctx context.Context) (domain.ObservatoryFacts, error)
}

// Load reads the facts and computes the figures.
func Load(ctx context.Context, src Source, now time.Time) (*Figures, error) {
	f, err := src.ObservatoryFacts(ctx)
	if err != nil {
		return nil, err
	}
	return Compute(f, now), nil
}
