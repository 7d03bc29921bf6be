package passerelle_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
	"passerelle/search/embedded"
)

// outbox records the notifications the service asks for; the notification
// service itself (delivery, exactly-once) is tested where it lives.
type outbox struct {
	mu   sync.Mutex
	sent []domain.Notice
}

func (o *outbox) SendNotices(_ context.Context, notices []domain.Notice) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sent = append(o.sent, notices...)
	return len(notices), nil
}

// to returns the notifications of a template sent to an address.
func (o *outbox) to(email, template string) []domain.Notice {
	o.mu.Lock()
	defer o.mu.Unlock()
	var found []domain.Notice
	for _, n := range o.sent {
		if n.To.Email == email && n.Text == "email.passerelle."+template {
			found = append(found, n)
		}
	}
	return found
}

// Who acts in the tests.
var (
	employer    = &domain.User{ID: "u-employer", Email: "rh@fournil.example", Name: "Inès RH", Roles: []domain.Role{domain.RoleEmployer}, OrganisationIDs: []string{"org-verified"}}
	newcomer    = &domain.User{ID: "u-newcomer", Email: "contact@nouveau.example", Roles: []domain.Role{domain.RoleEmployer}, OrganisationIDs: []string{"org-unverified"}}
	counsellor  = &domain.User{ID: "u-cpe", Email: "cpe@college.example", Name: "M. Diallo", Roles: []domain.Role{domain.RoleCounsellor}, OrganisationIDs: []string{"school-rep"}}
	counsellor2 = &domain.User{ID: "u-prof", Email: "prof@lycee.example", Roles: []domain.Role{domain.RoleCounsellor}, OrganisationIDs: []string{"school-std"}}
	staff       = &domain.User{ID: "u-staff", Email: "agent@hauts-de-seine.example", Roles: []domain.Role{domain.RoleStaff}}
)

var today = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

type env struct {
	db    *store.DB
	svc   *passerelle.Service
	mail  *outbox
	ix    *embedded.Engine
	clock func() time.Time // the service's, today unless a test moves it
}

// setClock moves the service's clock.
func (e *env) setClock(now func() time.Time) { e.clock = now }

func newEnv(t testing.TB) *env {
	t.Helper()
	return newEnvOn(t, storetest.Open(t))
}

// newEnvOn makes the service of the tests on db and adds the organisations
// unless they are there already.
func newEnvOn(t testing.TB, db *store.DB) *env {
	t.Helper()
	engine, err := embedded.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = engine.Close() })
	logger := slog.New(slog.DiscardHandler)
	e := &env{db: db, mail: &outbox{}, ix: engine, clock: func() time.Time { return today }}
	e.svc = passerelle.NewService(db, passerelle.NewIndexer(db, engine, logger), e.mail, logger,
		passerelle.Config{Now: func() time.Time { return e.clock() }})
	if _, err := db.OrganisationByID(context.Background(), "org-verified"); err == nil {
		return e
	}
	must(t, db.InsertOrganisations(context.Background(), []domain.Organisation{
		{ID: "org-verified", Kind: domain.KindCompany, Name: "Le Fournil", CommuneCode: "92050", Verified: true},
		{ID: "org-unverified", Kind: domain.KindAssociation, Name: "Asso nouvelle", CommuneCode: "92012", ESS: true},
		{ID: "school-rep", Kind: domain.KindSchool, Name: "Collège Jean-Moulin", Priority: "REP"},
		{ID: "school-std", Kind: domain.KindSchool, Name: "Lycée Descartes"},
	}))
	return e
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func offerInput(typ domain.OfferType) passerelle.OfferInput {
	return passerelle.OfferInput{Type: typ, Title: "Découvrir le métier de boulanger",
		Description: strings.Repeat("Pétrir, façonner, cuire au fournil. ", 3), ROMECodes: []string{"D1102"},
		CommuneCode: "92050", StartDate: today.AddDate(0, 1, 0), EndDate: today.AddDate(0, 7, 0), Places: 1}
}

// publishedOffer creates an offer of the verified employer, published at once.
func (e *env) publishedOffer(t testing.TB, typ domain.OfferType, change func(*passerelle.OfferInput)) *domain.Offer {
	t.Helper()
	in := offerInput(typ)
	if change != nil {
		change(&in)
	}
	o, err := e.svc.CreateOffer(context.Background(), employer, "org-verified", in, false)
	must(t, err)
	return o
}

// session adds a session of capacity seats, reserved seats of which are kept
// for priority education until a week before.
// visit is a session of 30 places, none reserved, of a new published visit offer.
func (e *env) visit(t testing.TB) *domain.VisitSession {
	t.Helper()
	return e.session(t, e.publishedOffer(t, domain.OfferVisit, nil).ID, 30, 0)
}

func (e *env) session(t testing.TB, offerID string, capacity, reserved int) *domain.VisitSession {
	t.Helper()
	start := today.AddDate(0, 0, 30)
	in := passerelle.SessionInput{StartsAt: start, EndsAt: start.Add(2 * time.Hour), Capacity: capacity, MinGroup: 1,
		MaxGroup: capacity, ReservedPriority: reserved, MeetingPoint: "Accueil du fournil"}
	if reserved > 0 {
		in.ReservedUntil = start.AddDate(0, 0, -7)
	}
	s, err := e.svc.AddSession(context.Background(), employer, offerID, in)
	must(t, err)
	return s
}

func booking(sessionID, structure string, seats int) passerelle.BookingInput {
	return passerelle.BookingInput{SessionID: sessionID, StructureID: structure, GroupName: "3e B", GroupLevel: "3e", Seats: seats, Adults: 2}
}

// mailTemplates returns every notification of a template.
func (e *env) mailTemplates(template string) []domain.Notice {
	e.mail.mu.Lock()
	defer e.mail.mu.Unlock()
	var found []domain.Notice
	for _, n := range e.mail.sent {
		if n.Text == "email.passerelle."+template {
			found = append(found, n)
		}
	}
	return found
}
