package progress

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify"
	"passerelle/app/notify/notifytest"
	"passerelle/app/signature"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
)

// recorder is a Notifier that keeps what it is asked to send, once per key,
// as the platform's notifier promises.
type recorder struct {
	mu      sync.Mutex
	byKey   map[string]domain.Notice
	ordered []domain.Notice
}

func (r *recorder) SendNotices(_ context.Context, notices []domain.Notice) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	queued := 0
	for _, n := range notices {
		if _, seen := r.byKey[n.Key]; !seen {
			r.byKey[n.Key] = n
			r.ordered = append(r.ordered, n)
			queued++
		}
	}
	return queued, nil
}

func (r *recorder) templates() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var names []string
	for _, n := range r.ordered {
		names = append(names, n.Text)
	}
	return names
}

// world is a database with a call, two associations, their applicants,
// staff and three reviewers; its clock is fixed at now.
type world struct {
	db                *store.DB
	svc               *Service
	sent              *recorder
	now               time.Time
	call              *domain.Call
	staff, alice, bob *domain.User // alice applies for org-a; bob for org-b
	carol             *domain.User // a second applicant of org-a
	rev1, rev2, rev3  *domain.User
	orgA, orgB        domain.Organisation
	// signatures has the agreements signed, emailing the parties to mails.
	signatures *signature.Service
	mails      *mailtest.Server
}

var ctx = context.Background()

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{db: storetest.Open(t), sent: &recorder{byKey: map[string]domain.Notice{}}}
	w.now = time.Date(2026, 11, 26, 10, 0, 0, 0, domain.Paris)
	clock := func() time.Time { return w.now }
	w.mails = mailtest.Start(t)
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	w.signatures = signature.New(w.db, notifytest.New(t, w.db, w.mails, notify.Config{}),
		signature.Config{BaseURL: "https://passerelle92.test", Catalog: catalog, Now: clock}, nil)
	w.svc = New(w.db, w.sent, nil, Config{Now: clock, Signer: w.signatures})
	w.signatures.OnCompleted(domain.SignGrantAgreement, w.svc.AgreementCompleted)
	w.orgA = domain.Organisation{ID: "org-a", Kind: domain.KindAssociation, Name: "Les Paniers de Nanterre", RNA: "W921234567", CommuneCode: "92050", Address: "1 rue de la Paix, 92000 Nanterre"}
	w.orgB = domain.Organisation{ID: "org-b", Kind: domain.KindESUS, Name: "Vélo Solidaire", SIRET: "73282932000074", CommuneCode: "92012", Address: "2 avenue du Général Leclerc, 92100 Boulogne-Billancourt"}
	if err := w.db.InsertOrganisations(ctx, []domain.Organisation{w.orgA, w.orgB}); err != nil {
		t.Fatal(err)
	}
	w.insertUsers(t)
	w.call = w.saveCall(t, "2026-11-01T09:00", "2026-12-15T12:00")
	return w
}

func (w *world) insertUsers(t *testing.T) {
	t.Helper()
	user := func(id string, role domain.Role, orgs ...string) *domain.User {
		return &domain.User{ID: id, Email: id + "@example.fr", Name: id, Roles: []domain.Role{role}, OrganisationIDs: orgs, Locale: "fr"}
	}
	w.staff, w.alice, w.bob, w.carol = user("staff", domain.RoleStaff), user("alice", domain.RoleApplicant, "org-a"),
		user("bob", domain.RoleApplicant, "org-b"), user("carol", domain.RoleApplicant, "org-a")
	w.rev1, w.rev2, w.rev3 = user("rev1", domain.RoleReviewer), user("rev2", domain.RoleReviewer), user("rev3", domain.RoleReviewer, "org-a")
	var all []domain.User
	for _, u := range []*domain.User{w.staff, w.alice, w.bob, w.carol, w.rev1, w.rev2, w.rev3} {
		all = append(all, *u)
	}
	if err := w.db.InsertUsers(ctx, all); err != nil {
		t.Fatal(err)
	}
}

func (w *world) saveCall(t *testing.T, opens, closes string) *domain.Call {
	t.Helper()
	o, err1 := domain.ParisInstant("opens_at", opens)
	c, err2 := domain.ParisInstant("closes_at", closes)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	call, err := w.svc.SaveCall(ctx, w.staff, domain.Call{
		Title: "PROGR'ESS 2026", Theme: "Vie quotidienne", Rules: "Règlement", Budget: domain.Euros(100_000),
		MaxAward: domain.Euros(15_000), OpensAt: o, ClosesAt: c, Territory: domain.TerritorySeatOrAction,
		LegalForms:        []domain.OrganisationKind{domain.KindAssociation, domain.KindESUS},
		Criteria:          []domain.Criterion{{Key: "impact", Label: "Impact social", Weight: 60}, {Key: "faisabilite", Label: "Faisabilité", Weight: 40}},
		Axes:              []string{"Observer et échanger", "Former et accompagner", "Soutenir", "Valoriser"},
		RequiredDocuments: []domain.DocumentKind{domain.DocStatutes, domain.DocESUSAgreement},
	})
	if err != nil {
		t.Fatal(err)
	}
	return call
}

var fakePDF = []byte("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")

// completeDraft starts alice's file and fills every step with valid data,
// requesting requested euros of a project costing twice as much.
func (w *world) completeDraft(t *testing.T, applicant *domain.User, orgID string, requested int64) *domain.GrantApplication {
	t.Helper()
	g, err := w.svc.StartApplication(ctx, applicant, w.call.ID, orgID)
	if err != nil {
		t.Fatal(err)
	}
	steps := []error{
		w.svc.SaveProject(ctx, applicant, g.ID, domain.Project{Title: "Épicerie solidaire mobile", Summary: "Une épicerie qui se déplace.",
			Description: "Un camion aménagé dessert les quartiers sans commerce.", Publics: []string{"Familles monoparentales"},
			Communes: []string{"92050", "92025"}, Axes: []string{"Soutenir"}, StartsOn: "2027-01-15", EndsOn: "2027-12-31",
			Indicators: []domain.Indicator{{Label: "Familles servies par semaine", Target: "120"}}}),
		w.svc.SaveBudget(ctx, applicant, g.ID, domain.BudgetPlan{
			Expenses: []domain.BudgetLine{{Label: "Camion", Amount: domain.Euros(2 * requested)}},
			Resources: []domain.BudgetLine{{Label: "PROGR'ESS", Amount: domain.Euros(requested), Kind: domain.ResourceRequest},
				{Label: "Fondation", Amount: domain.Euros(requested), Kind: domain.ResourceCoFunding, Funder: "Fondation de France"}}}),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	for _, kind := range []domain.DocumentKind{domain.DocStatutes, domain.DocESUSAgreement} {
		if _, err := w.svc.AddAttachment(ctx, applicant, g.ID, Upload{Kind: kind, Name: string(kind) + ".pdf", Data: fakePDF}); err != nil {
			t.Fatal(err)
		}
	}
	return w.reload(t, g.ID)
}

func (w *world) reload(t *testing.T, id string) *domain.GrantApplication {
	t.Helper()
	g, err := w.db.GrantByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// insertSelected inserts n files already selected, each requesting
// requested, straight into the database: the award tests start there.
func (w *world) insertSelected(t *testing.T, prefix string, n int, requested domain.Money) []string {
	t.Helper()
	ids := make([]string, n)
	for i := range ids {
		ids[i] = prefix + strconv.Itoa(i)
		g := domain.GrantApplication{ID: ids[i], CallID: w.call.ID, OrganisationID: "org-a", CreatedBy: "alice",
			State: domain.GrantSelected, History: []domain.StateChange{}, EditorIDs: []string{}, Attachments: []domain.Attachment{},
			Content: domain.GrantContent{Budget: domain.BudgetPlan{
				Expenses:  []domain.BudgetLine{{Label: "Coût", Amount: requested}},
				Resources: []domain.BudgetLine{{Label: "PROGR'ESS", Amount: requested, Kind: domain.ResourceRequest}}}}}
		if err := w.db.InsertGrant(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

func code(err error) string { return domain.ErrorCode(err) }
