package web_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/observatory"
	"passerelle/app/refdata"
)

// figuresJSON is the open-data answer of the observatory's figures.
type figuresJSON struct {
	Licence string `json:"licence"`
	Tables  []struct {
		Name, Dimension string
		Rows            []figuresRow
		Total           figuresRow
	} `json:"tables"`
}

type figuresRow struct {
	Key   string
	Label string
	Cells map[string]struct {
		Value  *int64
		Secret bool
	}
}

func (f figuresJSON) table(t *testing.T, name string) ([]figuresRow, figuresRow) {
	t.Helper()
	for _, tb := range f.Tables {
		if tb.Name == name {
			return tb.Rows, tb.Total
		}
	}
	t.Fatalf("no table %s", name)
	return nil, figuresRow{}
}

func getFigures(t *testing.T, f *fixture, query string) figuresJSON {
	t.Helper()
	resp, body := f.get(t, "/api/v1/open-data/figures"+query)
	wantStatus(t, resp, http.StatusOK)
	var out figuresJSON
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// addVisitActivity books groups of 10 on the sessions of one visit offer,
// priority ones first, and applications to another offer.
func addVisitActivity(t *testing.T, f *fixture, bookings, priority, applications, accepted int) (domain.Offer, domain.Offer) {
	t.Helper()
	ctx := context.Background()
	var visit, job domain.Offer
	var session domain.VisitSession
	for _, o := range f.publishedOffers(t) {
		if o.Type == domain.OfferVisit && visit.ID == "" {
			if s, err := f.db.SessionsOfOffers(ctx, []string{o.ID}); err == nil && len(s) > 0 {
				visit, session = o, s[0]
			}
		}
		if o.Type != domain.OfferVisit && job.ID == "" {
			job = o
		}
	}
	if visit.ID == "" || job.ID == "" {
		t.Fatal("no published visit with a session, or no other offer, in the demo")
	}
	for i := range bookings {
		b := domain.Booking{ID: fmt.Sprint("obs-booking-", i), SessionID: session.ID, OfferID: visit.ID,
			OrganisationID: visit.OrganisationID, StructureID: "obs-school", Priority: i < priority, CounsellorID: "obs-c",
			GroupName: "3e B", Seats: 10, Status: domain.BookingConfirmed, CreatedAt: f.now, UpdatedAt: f.now}
		if err := f.db.InsertBooking(ctx, &b); err != nil {
			t.Fatal(err)
		}
	}
	for i := range applications {
		status := domain.ApplicationSent
		if i < accepted {
			status = domain.ApplicationAccepted
		}
		a := domain.Application{ID: fmt.Sprint("obs-app-", i), OfferID: job.ID, OrganisationID: job.OrganisationID,
			YouthID: fmt.Sprint("obs-youth-", i), YouthName: "Secret Name", Status: status, CreatedAt: f.now, UpdatedAt: f.now}
		if err := f.db.InsertApplication(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	return visit, job
}

// The figures equal a computation of their own from the database: the
// published offers by territory and type, the bookings and applications
// added; small cells are secret, and no sum gives one away.
func TestObservatoryFiguresEqualTheDatabase(t *testing.T) {
	f := newFixture(t)
	addVisitActivity(t, f, 7, 3, 6, 5)
	offers, err := f.db.AllOffers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	byTerritory, byType, published := map[string]int64{}, map[string]int64{}, int64(0)
	for _, o := range offers {
		if o.PublishedAt == nil {
			continue
		}
		published++
		c, ok := refdata.CommuneByCode(o.CommuneCode)
		territory := observatory.Outside
		if ok {
			territory = "ept-" + c.EPT // compared by name below
		}
		byTerritory[territory]++
		byType[string(o.Type)]++
	}
	fig := getFigures(t, f, "")
	if fig.Licence != "Licence Ouverte / Open Licence 2.0" {
		t.Errorf("licence = %q", fig.Licence)
	}
	rows, total := fig.table(t, "passerelle-communes")
	wantValue(t, "offers in total", total, observatory.Offers, published)
	secret := 0
	for _, r := range rows {
		if !strings.HasPrefix(r.Key, "ept-") && r.Key != observatory.Outside {
			continue
		}
		want := byTerritory[r.Key]
		if r.Key != observatory.Outside {
			want = byTerritory["ept-"+r.Label]
		}
		if cell := r.Cells[observatory.Offers]; cell.Secret {
			secret++
		} else if *cell.Value != want {
			t.Errorf("offers in %s = %d, want %d", r.Label, *cell.Value, want)
		}
	}
	if secret == 1 {
		t.Error("a single secret territory: the total gives it away")
	}
	rows, _ = fig.table(t, "passerelle-types")
	for _, r := range rows {
		if cell := r.Cells[observatory.Offers]; !cell.Secret && *cell.Value != byType[r.Key] {
			t.Errorf("%s offers = %d, want %d", r.Key, *cell.Value, byType[r.Key])
		} else if cell.Secret && byType[r.Key] >= observatory.Threshold && secretCount(rows, observatory.Offers) < 2 {
			t.Errorf("%s offers secret alone", r.Key)
		}
	}
	_, total = fig.table(t, "passerelle-types")
	wantValue(t, "bookings", total, observatory.Bookings, 7)
	wantValue(t, "youths reached", total, observatory.Youths, 70)
	wantSecret(t, "priority bookings (3)", total, observatory.PriorityBookings)
	wantValue(t, "applications", total, observatory.Applications, 6)
	wantSecret(t, "accepted (5, but 6 - 1 pending would tell)", total, observatory.Accepted)
	outcomes, total := fig.table(t, "passerelle-issues")
	wantValue(t, "applications by outcome", total, observatory.Applications, 6)
	for _, r := range outcomes {
		if r.Key == observatory.Pending || r.Key == observatory.Accepted {
			wantSecret(t, r.Key, r, observatory.Applications)
		}
	}
}

func secretCount(rows []figuresRow, measure string) int {
	n := 0
	for _, r := range rows {
		if r.Cells[measure].Secret {
			n++
		}
	}
	return n
}

func wantValue(t *testing.T, what string, r figuresRow, measure string, want int64) {
	t.Helper()
	if c := r.Cells[measure]; c.Secret || c.Value == nil || *c.Value != want {
		t.Errorf("%s: %s = %+v, want %d", what, measure, c, want)
	}
}

func wantSecret(t *testing.T, what string, r figuresRow, measure string) {
	t.Helper()
	if c := r.Cells[measure]; !c.Secret || c.Value != nil {
		t.Errorf("%s: %s = %+v, want secret without a value", what, measure, c)
	}
}

var (
	tableSection = regexp.MustCompile(`(?s)<section aria-labelledby="t-passerelle-types".*?</section>`)
	tableRow     = regexp.MustCompile(`(?s)<tr[^>]*><th scope="row">(.*?)</th>(.*?)</tr>`)
	tableCell    = regexp.MustCompile(`<td class="num">(.*?)</td>`)
)

// The CSV of a table says what the page shows, secret cells included, and
// the page of a commune and a year is served; nothing personal is in any.
func TestObservatoryCSVEqualsThePage(t *testing.T) {
	f := newFixture(t)
	_, job := addVisitActivity(t, f, 0, 0, 6, 5)
	year := observatory.SchoolYear(f.now)
	query := "?commune=" + job.CommuneCode + "&annee=" + year
	resp, page := f.get(t, "/observatoire"+query)
	wantStatus(t, resp, http.StatusOK)
	commune, _ := refdata.CommuneByCode(job.CommuneCode)
	wantContains(t, page, "Observatoire de Passerelle 92", commune.Name, "année scolaire "+year,
		"Licence Ouverte / Open Licence 2.0", "< 5")
	if strings.Contains(page, "Secret Name") {
		t.Error("the page shows a youth's name")
	}
	section := tableSection.FindString(page)
	if section == "" {
		t.Fatal("no table by type on the page")
	}
	var onPage [][]string
	for _, m := range tableRow.FindAllStringSubmatch(html.UnescapeString(section), -1) {
		row := []string{m[1]}
		for _, c := range tableCell.FindAllStringSubmatch(m[2], -1) {
			row = append(row, strings.Map(func(r rune) rune {
				if r == ' ' || r == '\u202f' || r == '\u00a0' {
					return -1
				}
				return r
			}, c[1]))
		}
		onPage = append(onPage, row)
	}
	resp, body := f.get(t, "/observatoire/tableaux/passerelle-types.csv"+query)
	wantStatus(t, resp, http.StatusOK)
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Errorf("Content-Type = %s", resp.Header.Get("Content-Type"))
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF")))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(records[0], ";"); got != "type;label;"+strings.Join(observatory.PasserelleMeasures, ";") {
		t.Errorf("CSV header = %s", got)
	}
	if len(records)-1 != len(onPage) {
		t.Fatalf("%d CSV rows, %d on the page", len(records)-1, len(onPage))
	}
	for i, rec := range records[1:] {
		csvRow := []string{rec[1]}
		for _, cell := range rec[2:] {
			csvRow = append(csvRow, strings.ReplaceAll(cell, " ", ""))
		}
		if strings.Join(csvRow, "|") != strings.Join(onPage[i], "|") {
			t.Errorf("CSV row %v, page row %v", csvRow, onPage[i])
		}
	}
	wantContains(t, body, "< 5")
}

// Unknown communes and years are refused in French, on the page, the CSV
// and the API alike; never a server error.
func TestObservatoryRefusesBadParameters(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		path    string
		status  int
		message string
	}{
		{"/observatoire?commune=75056", http.StatusUnprocessableEntity, "n'est pas des Hauts-de-Seine"},
		{"/observatoire?commune=ept-inconnu", http.StatusUnprocessableEntity, "n'est pas des Hauts-de-Seine"},
		{"/observatoire?annee=2025", http.StatusUnprocessableEntity, "s'écrit comme 2025-2026"},
		{"/observatoire?annee=2025-2027", http.StatusUnprocessableEntity, "s'écrit comme 2025-2026"},
		{"/observatoire?annee=1990-1991", http.StatusUnprocessableEntity, "pas de chiffres pour cette année"},
		{"/observatoire/tableaux/passerelle-types.csv?commune=%3Cscript%3E", http.StatusUnprocessableEntity, "n'est pas des Hauts-de-Seine"},
		{"/observatoire/tableaux/inconnu.csv", http.StatusNotFound, ""},
		{"/observatoire/tableaux/passerelle-types.xlsx", http.StatusNotFound, ""},
		{"/api/v1/open-data/figures?school_year=2999-3000", http.StatusUnprocessableEntity, `"field":"school_year"`},
		{"/api/v1/open-data/offers?commune=abc", http.StatusUnprocessableEntity, `"field":"commune"`},
		{"/api/v1/open-data/offers?type=cdi", http.StatusUnprocessableEntity, "Ce type d'offre n'existe pas."},
		{"/api/v1/open-data/offers?per_page=1000", http.StatusUnprocessableEntity, `"field":"per_page"`},
	} {
		resp, body := f.get(t, c.path)
		if resp.StatusCode != c.status {
			t.Errorf("%s = %d, want %d: %.300s", c.path, resp.StatusCode, c.status, body)
		}
		wantContains(t, body, c.message)
	}
}

// The open-data offers are the published ones, without contacts, filtered
// by commune, territory and type.
func TestOpenDataOffers(t *testing.T) {
	f := newFixture(t)
	published := f.publishedOffers(t)
	resp, body := f.get(t, "/api/v1/open-data/offers?per_page=100")
	wantStatus(t, resp, http.StatusOK)
	var page struct {
		Items []map[string]any
		Total int
	}
	if err := json.Unmarshal([]byte(body), &page); err != nil {
		t.Fatal(err)
	}
	if page.Total != len(published) || len(page.Items) != min(100, len(published)) {
		t.Errorf("total %d, %d items; want %d published", page.Total, len(page.Items), len(published))
	}
	if strings.Contains(body, "contact") {
		t.Error("the open data carries a contact")
	}
	if !strings.Contains(resp.Header.Get("Link"), `rel="license"`) {
		t.Errorf("Link = %q", resp.Header.Get("Link"))
	}
	resp, body = f.get(t, "/observatoire/donnees")
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Licence Ouverte / Open Licence 2.0", "priority_bookings", "Vallée Sud-Grand Paris", "moins de 5")
	resp, body = f.get(t, "/observatoire", "Accept-Language", "en")
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Passerelle 92 observatory", "By type of offer", "Download the table (CSV)")
	o := published[0]
	for _, q := range []string{"commune=" + o.CommuneCode, "commune=" + observatory.TerritoryOf(o.CommuneCode), "type=" + string(o.Type)} {
		_, body := f.get(t, "/api/v1/open-data/offers?per_page=100&"+q)
		var got struct {
			Items []struct{ CommuneCode, Territory, Type string } `json:"items"`
			Total int
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil || got.Total == 0 {
			t.Fatalf("%s: %v, %d offers", q, err, got.Total)
		}
		for _, it := range got.Items {
			if !strings.Contains(q, "="+it.CommuneCode) && !strings.Contains(q, "="+it.Territory) && !strings.Contains(q, "="+it.Type) {
				t.Errorf("%s gives an offer of %s, %s, %s", q, it.CommuneCode, it.Territory, it.Type)
			}
		}
	}
}

// A closed edition counts its files and requested amounts, and its
// laureates once published, by edition, commune of the seat and axis.
func TestObservatoryCountsPROGRESSEditions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	call := domain.Call{ID: "obs-call", Title: "PROGR'ESS 2025", OpensAt: f.now.AddDate(-1, 0, 0),
		ClosesAt: f.now.AddDate(0, -10, 0), LaureatesPublished: true, Budget: domain.Euros(100_000)}
	if err := f.db.InsertCalls(ctx, []domain.Call{call}); err != nil {
		t.Fatal(err)
	}
	var grants []domain.GrantApplication
	for i := range 7 {
		g := domain.GrantApplication{ID: fmt.Sprint("obs-grant-", i), CallID: call.ID, State: domain.GrantAwarded,
			CreatedAt: f.now, UpdatedAt: f.now}
		if i == 6 {
			g.State = domain.GrantDraft // never submitted: not counted
		}
		g.Content.Identity = domain.Identity{Name: "Association secrète", CommuneCode: "92050", ContactEmail: "x@asso.test"}
		if i >= 3 {
			g.Content.Identity.CommuneCode = "92025"
		}
		g.Content.Project.Axes = []string{"Soutenir"}
		g.Content.Budget.Resources = []domain.BudgetLine{{Kind: domain.ResourceRequest, Amount: domain.Euros(10_000)}}
		grants = append(grants, g)
	}
	if err := f.db.InsertGrants(ctx, grants); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		a := domain.Award{ID: grants[i].ID, CallID: call.ID, Amount: domain.Euros(8_000), DecidedAt: f.now}
		if err := f.db.RecordAward(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	fig := getFigures(t, f, "")
	rows, total := fig.table(t, "progress-editions")
	if len(rows) != 1 || rows[0].Key != call.ID || rows[0].Label != call.Title {
		t.Fatalf("editions = %+v, want the closed call only", rows)
	}
	wantValue(t, "files", total, observatory.Files, 6)
	wantValue(t, "requested", total, observatory.Requested, 60_000)
	wantValue(t, "laureates", total, observatory.Laureates, 5)
	wantValue(t, "awarded", total, observatory.Awarded, 40_000)
	rows, _ = fig.table(t, "progress-communes")
	for _, r := range rows {
		if r.Key == "92050" || r.Key == "92025" {
			wantSecret(t, r.Label, r, observatory.Laureates) // 3 and 2
		}
	}
	rows, _ = fig.table(t, "progress-axes")
	if len(rows) != 1 || rows[0].Key != "Soutenir" {
		t.Fatalf("axes = %+v", rows)
	}
	wantValue(t, "files on the axis", rows[0], observatory.Files, 6)
	_, page := f.get(t, "/observatoire")
	wantContains(t, page, "PROGR'ESS 2025", i18n.Money("fr", int64(domain.Euros(40_000))))
	if strings.Contains(page, "Association secrète") {
		t.Error("the observatory names an applicant")
	}
}

// The figures are kept between requests and computed again after a write
// to what they count.
func TestObservatoryFiguresFollowWrites(t *testing.T) {
	f := newFixture(t)
	_, total := getFigures(t, f, "").table(t, "passerelle-types")
	wantValue(t, "applications before", total, observatory.Applications, 0)
	addVisitActivity(t, f, 0, 0, 5, 0)
	fig := getFigures(t, f, "")
	_, total = fig.table(t, "passerelle-types")
	wantValue(t, "applications after five were sent", total, observatory.Applications, 5)
	outcomes, _ := fig.table(t, "passerelle-issues")
	for _, r := range outcomes {
		if r.Key == observatory.Pending {
			wantValue(t, "pending", r, observatory.Applications, 5)
		}
	}
}
