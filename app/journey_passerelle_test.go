package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passerelle/app/demo"
	"passerelle/app/domain"
	"passerelle/app/passerelle"
	"passerelle/app/refdata"
	"passerelle/app/web/browsertest"
)

// The youth–enterprise journey: an employer posts a visit with two sessions;
// a counsellor books places for a class and finds the .ics; a youth applies
// to an apprenticeship with a CV and the employer moves the application to
// interview, then writes to the youth, who answers; then the events (see
// eventsJourney). Every page passes axe and the 360 px check.
func TestJourneyPasserelleVisitBookingAndApplication(t *testing.T) {
	var report bytes.Buffer
	m := startDemoPlatformTo(t, &report)
	passwords := demoPasswords(t, report.String())
	account := func(local string) (string, string) {
		email := local + "@" + demo.EmailDomain
		return email, passwords[email]
	}
	b := browsertest.New(t)
	employer := b.Session()
	email, password := account("employeur")
	signIn(t, m, employer, email, password)
	offerID := employerPostsVisit(t, m, employer)
	staff := b.Session()
	email, password = account("agent")
	signIn(t, m, staff, email, password)
	publishIfPending(t, m, staff, offerID)
	sessionIDs := employerAddsSessions(t, m, employer, offerID)

	counsellor := b.Session()
	email, password = account("conseiller")
	signIn(t, m, counsellor, email, password)
	counsellorBooks(t, m, counsellor, offerID, sessionIDs[0])
	counsellorCollectsAuthorisations(t, m, counsellor, b.Session())
	counsellorCancels(t, m, counsellor, sessionIDs[1])

	youth := b.Session()
	email, password = account("jeune")
	signIn(t, m, youth, email, password)
	apprenticeship := publishedApprenticeship(t, m, "employeur@"+demo.EmailDomain)
	youthApplies(t, m, youth, apprenticeship.ID)
	employerInterviews(t, m, employer, apprenticeship.ID)
	employerAndYouthWrite(t, m, employer, youth, apprenticeship.ID)
	internshipSignedByAll(t, m, employer, b.Session())
	staffSeesBookings(t, m, staff, "3e B")
	staffManagesAPIKeys(t, m, staff)
	employerEditsOffer(t, m, employer, offerID)
	employerOffersWeeks(t, m, employer)
	youthWithdraws(t, m, youth)
	employerClosesAndReopens(t, m, employer, apprenticeship.ID)
	eventsJourney(t, m, staff, employer, counsellor, youth)
}

// confirm submits the form of a destructive action, reads the page that
// asks to confirm it, confirms, and returns the flash message that follows.
func confirm(t *testing.T, b *browsertest.Browser, form, asks string) string {
	t.Helper()
	b.Submit(form + " button")
	b.CheckPage()
	if got := b.Text("h1"); got != asks {
		t.Errorf("confirmation page %q, want %q", got, asks)
	}
	b.Submit("main " + form + " button")
	b.CheckPage()
	return b.Text(".flash")
}

// The counsellor books a second group, then cancels it with a reason,
// after a confirmation.
func counsellorCancels(t *testing.T, m *Main, b *browsertest.Browser, sessionID string) {
	t.Helper()
	b.Visit(m.URL() + "/visites/" + sessionID + "/reserver")
	b.Fill("#group_name", "4e A")
	b.Fill("#group_level", "4e")
	b.Fill("#seats", "20")
	b.Fill("#adults", "2")
	b.Submit("form[action$='/reserver']")
	if got := b.Text("main"); !strings.HasPrefix(strings.TrimSpace(b.Text("main li")), "Une matinée avec nos développeurs") ||
		!strings.Contains(got, "4e A") {
		t.Errorf("my bookings after the second: %q", got)
	}
	b.Fill("main li input[name='reason']", "La classe part en sortie ce jour-là.")
	if got := confirm(t, b, "form[action$='/annulation']", "Annuler la réservation ?"); !strings.Contains(got, "La réservation est annulée") {
		t.Errorf("flash after cancelling: %q", got)
	}
}

// The youth withdraws their application after a confirmation.
func youthWithdraws(t *testing.T, m *Main, b *browsertest.Browser) {
	t.Helper()
	b.Visit(m.URL() + "/jeunes/candidatures")
	if got := confirm(t, b, "form[action$='/retrait']", "Retirer ta candidature ?"); !strings.Contains(got, "Ta candidature est retirée") {
		t.Errorf("flash after withdrawing: %q", got)
	}
}

// The employer closes an offer after a confirmation, then reopens it.
func employerClosesAndReopens(t *testing.T, m *Main, b *browsertest.Browser, offerID string) {
	t.Helper()
	b.Visit(m.URL() + "/employeurs/offres/" + offerID)
	if got := confirm(t, b, "form[action$='/cloture']", "Clôturer l'offre ?"); !strings.Contains(got, "L'offre est clôturée") {
		t.Errorf("flash after closing: %q", got)
	}
	b.Submit("form[action$='/reouverture'] button")
	b.CheckPage()
	if got := b.Text(".flash"); !strings.Contains(got, "L'offre est de nouveau publiée") {
		t.Errorf("flash after reopening: %q", got)
	}
}

func day(weeks int) time.Time { return time.Now().AddDate(0, 0, 7*weeks) }

func employerPostsVisit(t *testing.T, m *Main, b *browsertest.Browser) string {
	t.Helper()
	b.Visit(m.URL() + "/employeurs/offres/nouvelle")
	b.CheckPage()
	b.Choose("#type", "visit")
	b.Fill("#title", "Une matinée avec nos développeurs")
	b.Choose("#description", "Les élèves découvrent le métier de développeur et codent leur première page.")
	b.Fill("#rome_codes", "M1805")
	b.Fill("#commune_code", "Nanterre")
	b.Choose("#start_date", day(2).Format("2006-01-02"))
	b.Choose("#end_date", day(10).Format("2006-01-02"))
	b.Fill("#places", "0")
	b.Submit("form[action='/employeurs/offres']")
	id := strings.TrimPrefix(strings.SplitN(b.URL(), "/employeurs/offres/", 2)[1], "/")
	if id == "" {
		t.Fatalf("not on the offer's page: %s", b.URL())
	}
	return id
}

// publishIfPending has staff publish the offer when the employer's
// organisation is not verified.
func publishIfPending(t *testing.T, m *Main, b *browsertest.Browser, offerID string) {
	t.Helper()
	o, err := m.DB.OfferByID(t.Context(), offerID)
	if err != nil || o.Status == domain.OfferPublished {
		return
	}
	b.Visit(m.URL() + "/agents/moderation")
	b.CheckPage()
	b.Submit("form[action='/agents/moderation/" + offerID + "/publication'] button")
}

func employerAddsSessions(t *testing.T, m *Main, b *browsertest.Browser, offerID string) []string {
	t.Helper()
	for _, weeks := range []int{3, 5} {
		b.Visit(m.URL() + "/employeurs/offres/" + offerID)
		b.Choose("#starts_at", day(weeks).Format("2006-01-02")+"T09:30")
		b.Choose("#ends_at", day(weeks).Format("2006-01-02")+"T11:30")
		b.Fill("#capacity", "30")
		b.Fill("#min_group", "5")
		b.Fill("#max_group", "30")
		b.Fill("#meeting_point", "Accueil, 12 rue des Serveurs, Nanterre")
		b.Submit("form[action$='/creneaux']")
	}
	b.CheckPage()
	sessions, err := m.DB.SessionsOfOffers(t.Context(), []string{offerID})
	if err != nil || len(sessions) != 2 {
		t.Fatalf("%d sessions saved (%v), want 2", len(sessions), err)
	}
	return []string{sessions[0].ID, sessions[1].ID}
}

func counsellorBooks(t *testing.T, m *Main, b *browsertest.Browser, offerID, sessionID string) {
	t.Helper()
	b.Visit(m.URL() + "/offres/" + offerID)
	b.CheckPage()
	b.Click("a[href$='/creneaux']")
	b.CheckPage()
	b.Click("a[href='/visites/" + sessionID + "/reserver']")
	b.CheckPage()
	b.Fill("#group_name", "3e B")
	b.Fill("#group_level", "3e")
	b.Fill("#seats", "24")
	b.Fill("#adults", "2")
	b.Submit("form[action$='/reserver']")
	b.CheckPage()
	if got := b.Text("main"); !strings.Contains(got, "3e B") || !strings.Contains(got, "confirmée") ||
		!strings.Contains(got, "Une matinée avec nos développeurs") || !strings.Contains(got, "Accueil, 12 rue des Serveurs") {
		t.Errorf("my bookings: %q", got)
	}
	if got := b.Text(".flash"); !strings.Contains(got, "Votre réservation est confirmée") {
		t.Errorf("flash after booking: %q", got)
	}
	if href := b.Attr("a[href$='calendar.ics']", "href"); !strings.HasPrefix(href, "/api/v1/bookings/") {
		t.Errorf("no calendar link: %q", href)
	}
}

func publishedApprenticeship(t *testing.T, m *Main, employerEmail string) *domain.Offer {
	t.Helper()
	u, err := m.DB.UserByEmail(t.Context(), employerEmail)
	if err != nil {
		t.Fatal(err)
	}
	in := passerelle.OfferInput{Type: domain.OfferApprenticeship, Title: "Apprenti développeur web",
		Description: "Deux ans en alternance au sein de l'équipe produit.", ROMECodes: []string{"M1805"},
		CommuneCode: "92050", StartDate: day(4), EndDate: day(60), Places: 1}
	o, err := m.Passerelle.CreateOffer(t.Context(), u, u.OrganisationIDs[0], in, false)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != domain.OfferPublished {
		staff, _ := m.DB.UserByEmail(t.Context(), "agent@"+demo.EmailDomain)
		if o, err = m.Passerelle.PublishOffer(t.Context(), staff, o.ID); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

func youthApplies(t *testing.T, m *Main, b *browsertest.Browser, offerID string) {
	t.Helper()
	cv := filepath.Join(t.TempDir(), "cv.pdf")
	pdf := "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"
	if err := os.WriteFile(cv, []byte(pdf), 0o600); err != nil {
		t.Fatal(err)
	}
	b.Visit(m.URL() + "/offres/" + offerID + "/candidater")
	b.CheckPage()
	b.Choose("#message", "Bonjour, je suis en 1re et je code depuis deux ans.")
	b.Upload("#cv", cv)
	b.Submit("form[action$='/candidater']")
	b.CheckPage()
	if got := b.Text("main"); !strings.Contains(got, "Apprenti développeur web") || !strings.Contains(got, "envoyée") {
		t.Errorf("my applications: %q", got)
	}
}

func employerInterviews(t *testing.T, m *Main, b *browsertest.Browser, offerID string) {
	t.Helper()
	b.Visit(m.URL() + "/employeurs/offres/" + offerID)
	b.CheckPage()
	b.Choose("select[name='status']", "interview")
	b.Submit("form[action$='/statut'] button")
	if got := b.Text("section[aria-labelledby='candidatures']"); !strings.Contains(got, "entretien") {
		t.Errorf("applications after the move: %q", got)
	}
}

// employerAndYouthWrite: the employer opens the application from the offer's
// desk and writes; the youth finds the message on their application's page
// and answers.
func employerAndYouthWrite(t *testing.T, m *Main, employer, youth *browsertest.Browser, offerID string) {
	t.Helper()
	employer.Visit(m.URL() + "/employeurs/offres/" + offerID)
	employer.Click("section[aria-labelledby='candidatures'] a[href^='/employeurs/candidatures/']")
	employer.CheckPage()
	employer.Choose("#body", "Pouvez-vous venir mardi à 10 h ?")
	employer.Submit("form[action$='/messages'] button")
	employer.CheckPage()
	youth.Visit(m.URL() + "/jeunes/candidatures")
	youth.Click("a[href^='/jeunes/candidatures/']")
	youth.CheckPage()
	if got := youth.Text("section[aria-labelledby='messages']"); !strings.Contains(got, "Pouvez-vous venir mardi à 10 h ?") {
		t.Errorf("the youth's thread: %q", got)
	}
	youth.Choose("#body", "Oui, avec plaisir.")
	youth.Submit("form[action$='/messages'] button")
	if got := youth.Text("section[aria-labelledby='messages']"); !strings.Contains(got, "Message envoyé.") || !strings.Contains(got, "Oui, avec plaisir.") {
		t.Errorf("after the youth's answer: %q", got)
	}
}

// counsellorCollectsAuthorisations: from the confirmed booking, the
// counsellor sends the outing authorisations (a line without an address is
// refused, nothing sent); a guardian signs from the outbox's emails; the
// counsellor sees who signed.
func counsellorCollectsAuthorisations(t *testing.T, m *Main, b, guardian *browsertest.Browser) {
	t.Helper()
	b.Visit(m.URL() + "/etablissements/reservations")
	b.Click("a[href^='/autorisations/']")
	b.CheckPage()
	lines := "Léa Martin ; Sophie Martin ; sophie.martin@famille.test\nNoah Diallo ; Awa Diallo ; awa.diallo@famille.test"
	b.Choose("#guardians", lines+"\nSans adresse ; Parent")
	b.ExpectStatus(422)
	b.Submit("form[action^='/autorisations/'] button")
	if got := b.Text("#guardians-error"); !strings.Contains(got, "Chaque ligne doit donner l'élève") {
		t.Fatalf("a line without an address: %q", got)
	}
	b.CheckPage()
	b.Choose("#guardians", lines)
	b.Submit("form[action^='/autorisations/'] button")
	if got := b.Text("main"); !strings.Contains(got, "Autorisations signées : 0 sur 2") || !strings.Contains(got, "Awa Diallo") {
		t.Fatalf("after sending: %q", got)
	}
	partySigns(t, m, guardian, "sophie.martin@famille.test", "Sophie Martin")
	b.Visit(b.URL())
	if got := b.Text("main"); !strings.Contains(got, "Autorisations signées : 1 sur 2") {
		t.Fatalf("after a guardian signed: %q", got)
	}
	b.CheckPage()
}

// internshipSignedByAll: the employer prepares the agreement of an accepted
// 3e internship; the pupil, their legal representative, the employer's
// signatory, the tutor and the teacher sign from the outbox's emails, the
// school head last; only then is the agreement signed.
func internshipSignedByAll(t *testing.T, m *Main, employer, parties *browsertest.Browser) {
	t.Helper()
	ctx := t.Context()
	boss, err1 := m.DB.UserByEmail(ctx, "employeur@"+demo.EmailDomain)
	pupil, err2 := m.DB.UserByEmail(ctx, "jeune@"+demo.EmailDomain)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	in := passerelle.OfferInput{Type: domain.OfferInternship3e, Title: "Stage d'observation : les métiers du numérique",
		Description: "Une semaine pour découvrir nos métiers.", ROMECodes: []string{"M1805"},
		CommuneCode: "92050", StartDate: day(3), EndDate: day(4), Places: 2}
	offer, err := m.Passerelle.CreateOffer(ctx, boss, boss.OrganisationIDs[0], in, false)
	if err != nil {
		t.Fatal(err)
	}
	// The application and its acceptance are the journey above's; this one starts from an accepted application.
	app := &domain.Application{ID: domain.ApplicationID(offer.ID, pupil.ID), OfferID: offer.ID, OfferTitle: offer.Title,
		OrganisationID: offer.OrganisationID, YouthID: pupil.ID, YouthName: pupil.Name, YouthEmail: pupil.Email,
		Status: domain.ApplicationAccepted, CreatedAt: time.Now(), UpdatedAt: time.Now()}
	if err := m.DB.InsertApplication(ctx, app); err != nil {
		t.Fatal(err)
	}
	employer.Visit(m.URL() + "/employeurs/candidatures/" + app.ID)
	employer.Click("a[href^='/conventions/']")
	employer.CheckPage()
	school := refdata.Colleges()[0]
	people := []struct{ field, name, email string }{{"school_head", "Hélène Proviseure", "principal@college.test"},
		{"teacher", "Marc Professeur", "prof@college.test"}, {"guardian", "Samia Parent", "parent@famille.test"},
		{"signatory", boss.Name, boss.Email}, {"tutor", "Tom Tuteur", "tuteur@entreprise.test"}}
	employer.Fill("#school_uai", school.UAI)
	for _, p := range people {
		employer.Fill("#"+p.field+"_name", p.name)
		employer.Fill("#"+p.field+"_email", p.email)
	}
	employer.Choose("#starts", day(3).Format(time.DateOnly))
	employer.Choose("#ends", day(3).AddDate(0, 0, 4).Format(time.DateOnly))
	employer.Fill("#daily_hours", "9 h – 12 h, 13 h 30 – 16 h 30")
	employer.Fill("#place", "12 rue des Serveurs, Nanterre")
	employer.Choose("#tasks", "Observer les équipes de développement et de support.")
	employer.Fill("#employer_insurer", "MAIF, contrat 4521")
	employer.ExpectStatus(422) // the school's insurance is missing
	employer.Submit("form[action^='/conventions/'] button")
	if got := employer.Text("#school_insurer-error"); !strings.Contains(got, "assurance") {
		t.Fatalf("without the school's insurance: %q", got)
	}
	employer.CheckPage()
	employer.Fill("#school_insurer", "Rectorat de Versailles")
	employer.Submit("form[action^='/conventions/'] button")
	if got := employer.Text("main"); !strings.Contains(got, "en cours de signature") || !strings.Contains(got, school.Name) {
		t.Fatalf("after sending the agreement: %q", got)
	}
	employer.CheckPage()
	partySigns(t, m, parties, pupil.Email, pupil.Name)
	for _, p := range people[1:] {
		partySigns(t, m, parties, p.email, p.name)
	}
	partySigns(t, m, parties, people[0].email, people[0].name) // the school head, last
	employer.Visit(employer.URL())
	if got := employer.Text("main"); !strings.Contains(got, "signée par toutes les parties") {
		t.Fatalf("after every signature: %q", got)
	}
	employer.CheckPage()
}
