// Package internship has the internship agreement (convention de stage) of
// an accepted application to an internship signed online: the employer
// prepares it; the youth, their legal representative when a minor, the
// employer's signatory, the tutor and the referent teacher sign, the school
// head last. The internship is « signé » only once all have signed.
package internship

import (
	"context"
	"net/mail"
	"slices"
	"strings"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/refdata"
	"passerelle/app/signature"
)

// Store is what the service reads.
type Store interface {
	ApplicationByID(ctx context.Context, id string) (*domain.Application, error)
	OfferByID(ctx context.Context, id string) (*domain.Offer, error)
	OrganisationByID(ctx context.Context, id string) (*domain.Organisation, error)
	YouthByID(ctx context.Context, id string) (*domain.Youth, error)
}

// Signer has the agreements signed: the signature service.
type Signer interface {
	Start(ctx context.Context, d signature.Document) (*domain.SignatureRequest, error)
	BySubject(ctx context.Context, kind domain.SignatureKind, subjectID string) ([]domain.SignatureRequest, error)
}

// Service prepares the agreements.
type Service struct {
	store  Store
	signer Signer
	now    func() time.Time
}

// New returns the service.
func New(store Store, signer Signer, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, signer: signer, now: now}
}

// Person is a signatory: a name and an address.
type Person struct{ Name, Email string }

// Terms are what the employer enters.
type Terms struct {
	SchoolUAI       string
	SchoolHead      Person
	Teacher         Person
	Guardian        Person // the youth's legal representative; required for a minor
	Signatory       Person // who signs for the employer
	Tutor           Person
	Starts, Ends    time.Time
	DailyHours      string // e.g. « 9 h – 12 h, 14 h – 17 h »
	Tasks, Place    string
	EmployerInsurer string
	SchoolInsurer   string
}

// Agreement is an application with its agreements, the newest first.
type Agreement struct {
	Application *domain.Application
	Offer       *domain.Offer
	Employer    *domain.Organisation
	Youth       *domain.Youth
	Requests    []domain.SignatureRequest
}

// Signed reports whether the newest agreement is signed by all: only then
// is the internship « signé ».
func (a *Agreement) Signed() bool {
	return len(a.Requests) > 0 && a.Requests[0].State == domain.SignatureCompleted
}

// Minor reports whether the youth is under 18 on the first day.
func (a *Agreement) Minor(starts time.Time) bool {
	return a.Youth != nil && a.Youth.Age(starts) < 18
}

var internshipTypes = []domain.OfferType{domain.OfferInternship3e, domain.OfferInternship2nde, domain.OfferInternship}

// kinds names the internships in the agreement's title (in French, like the document).
var kinds = map[domain.OfferType]string{domain.OfferInternship3e: "stage d'observation de 3e",
	domain.OfferInternship2nde: "stage de seconde", domain.OfferInternship: "stage"}

// Load returns an application's agreement to the employer, to the youth,
// or to a counsellor of the structure that follows the youth, who follows
// its signature.
func (s *Service) Load(ctx context.Context, actor *domain.User, applicationID string) (*Agreement, error) {
	app, err := s.store.ApplicationByID(ctx, applicationID)
	if err != nil {
		return nil, err
	}
	a := &Agreement{Application: app}
	if a.Youth, err = s.store.YouthByID(ctx, app.YouthID); err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
		return nil, err
	}
	if !a.readBy(actor) {
		return nil, &domain.Error{Code: domain.ENOTFOUND, Message: "error.not_found"}
	}
	if a.Offer, err = s.store.OfferByID(ctx, app.OfferID); err != nil {
		return nil, err
	}
	if a.Employer, err = s.store.OrganisationByID(ctx, app.OrganisationID); err != nil {
		return nil, err
	}
	a.Requests, err = s.signer.BySubject(ctx, domain.SignInternshipAgreement, app.ID)
	return a, err
}

// readBy says whether actor may read the agreement: the employer, the
// youth, or a counsellor following the youth.
func (a *Agreement) readBy(actor *domain.User) bool {
	switch {
	case actor == nil:
		return false
	case actor.ID == a.Application.YouthID, a.WrittenBy(actor):
		return true
	}
	return a.FollowedBy(actor)
}

// WrittenBy reports whether actor is an employer of the internship's
// organisation, who prepares the agreement.
func (a *Agreement) WrittenBy(actor *domain.User) bool {
	return actor.HasRole(domain.RoleEmployer) && slices.Contains(actor.OrganisationIDs, a.Application.OrganisationID)
}

// FollowedBy reports whether actor is a counsellor of the structure that
// follows the youth.
func (a *Agreement) FollowedBy(actor *domain.User) bool {
	return a.Youth != nil && a.Youth.StructureID != "" && actor.HasRole(domain.RoleCounsellor) &&
		slices.Contains(actor.OrganisationIDs, a.Youth.StructureID)
}

// Prepare sends the agreement for signature; preparing it again with other
// terms voids the signatures given and sends the new one.
func (s *Service) Prepare(ctx context.Context, actor *domain.User, applicationID string, t Terms) (*domain.SignatureRequest, error) {
	a, err := s.Load(ctx, actor, applicationID)
	if err != nil {
		return nil, err
	}
	if !a.WrittenBy(actor) {
		return nil, &domain.Error{Code: domain.EFORBIDDEN, Message: "error.forbidden"}
	}
	switch {
	case !slices.Contains(internshipTypes, a.Offer.Type):
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.internship.not_internship"}
	case a.Application.Status != domain.ApplicationAccepted:
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.internship.not_accepted"}
	case a.Signed():
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.internship.signed"}
	}
	if err := t.check(s.now(), a.Minor(t.Starts)); err != nil {
		return nil, err
	}
	return s.signer.Start(ctx, s.document(a, t, actor))
}

func (t Terms) check(now time.Time, minor bool) error {
	people := []struct {
		p     Person
		field string
	}{{t.SchoolHead, "school_head"}, {t.Teacher, "teacher"}, {t.Signatory, "signatory"}, {t.Tutor, "tutor"}}
	if minor || t.Guardian.Name != "" || t.Guardian.Email != "" {
		people = append(people, struct {
			p     Person
			field string
		}{t.Guardian, "guardian"})
	}
	if _, ok := refdata.SchoolByUAI(strings.ToUpper(strings.TrimSpace(t.SchoolUAI))); !ok {
		return domain.FieldError("school_uai", "error.internship.school")
	}
	for _, x := range people {
		if strings.TrimSpace(x.p.Name) == "" {
			return domain.FieldError(x.field+"_name", "error.internship.name")
		}
		if a, err := mail.ParseAddress(x.p.Email); err != nil || a.Address != strings.TrimSpace(x.p.Email) {
			return domain.FieldError(x.field+"_email", "error.internship.email")
		}
	}
	switch {
	case t.Starts.IsZero() || !t.Starts.After(now):
		return domain.FieldError("starts", "error.internship.starts")
	case t.Ends.Before(t.Starts) || t.Ends.Sub(t.Starts) > 366*24*time.Hour:
		return domain.FieldError("ends", "error.internship.ends")
	case strings.TrimSpace(t.DailyHours) == "":
		return domain.FieldError("daily_hours", "error.internship.hours")
	case strings.TrimSpace(t.Tasks) == "" || len(t.Tasks) > 4000:
		return domain.FieldError("tasks", "error.internship.tasks")
	case strings.TrimSpace(t.Place) == "":
		return domain.FieldError("place", "error.internship.place")
	case strings.TrimSpace(t.EmployerInsurer) == "":
		return domain.FieldError("employer_insurer", "error.internship.insurance")
	case strings.TrimSpace(t.SchoolInsurer) == "":
		return domain.FieldError("school_insurer", "error.internship.insurance")
	}
	return nil
}

func (s *Service) document(a *Agreement, t Terms, actor *domain.User) signature.Document {
	school, _ := refdata.SchoolByUAI(strings.ToUpper(strings.TrimSpace(t.SchoolUAI)))
	youth := a.Application.YouthName
	parties := []domain.SignatureParty{{Role: "youth", Name: youth, Email: a.Application.YouthEmail, Order: 1}}
	if t.Guardian.Email != "" {
		parties = append(parties, domain.SignatureParty{Role: "youth_guardian", Name: t.Guardian.Name, Email: t.Guardian.Email, Order: 1})
	}
	parties = append(parties,
		domain.SignatureParty{Role: "employer", Name: t.Signatory.Name, Email: t.Signatory.Email, Order: 1},
		domain.SignatureParty{Role: "tutor", Name: t.Tutor.Name, Email: t.Tutor.Email, Order: 1},
		domain.SignatureParty{Role: "teacher", Name: t.Teacher.Name, Email: t.Teacher.Email, Order: 1},
		// The school head signs last, once every other party has.
		domain.SignatureParty{Role: "school_head", Name: t.SchoolHead.Name, Email: t.SchoolHead.Email, Order: 2})
	day := func(d time.Time) string { return i18n.Date("fr", d) }
	return signature.Document{Kind: domain.SignInternshipAgreement, SubjectID: a.Application.ID, CreatedBy: actor.ID,
		Title:   "Convention de stage — " + kinds[a.Offer.Type],
		Summary: a.Offer.Title + " — " + a.Employer.Name + " — du " + day(t.Starts) + " au " + day(t.Ends),
		Sections: []domain.DocumentSection{
			{Heading: "Le stagiaire", Rows: []domain.DocumentRow{{Label: "Élève ou stagiaire", Value: youth},
				{Label: "Représentant légal", Value: orNone(t.Guardian.Name)}}},
			{Heading: "L'établissement", Rows: []domain.DocumentRow{{Label: "Établissement", Value: school.Name + " (UAI " + school.UAI + ")"},
				{Label: "Chef d'établissement", Value: t.SchoolHead.Name}, {Label: "Enseignant référent", Value: t.Teacher.Name}}},
			{Heading: "L'organisme d'accueil", Rows: []domain.DocumentRow{{Label: "Organisme", Value: a.Employer.Name},
				{Label: "Signataire", Value: t.Signatory.Name}, {Label: "Tuteur", Value: t.Tutor.Name}, {Label: "Lieu du stage", Value: t.Place}}},
			{Heading: "Le stage", Rows: []domain.DocumentRow{{Label: "Offre", Value: a.Offer.Title},
				{Label: "Dates", Value: "du " + day(t.Starts) + " au " + day(t.Ends)}, {Label: "Horaires quotidiens", Value: t.DailyHours}},
				Paragraphs: []string{"Activités confiées : " + strings.TrimSpace(t.Tasks)}},
			{Heading: "Assurances", Rows: []domain.DocumentRow{{Label: "Responsabilité civile de l'organisme", Value: t.EmployerInsurer},
				{Label: "Responsabilité civile de l'établissement", Value: t.SchoolInsurer}}},
		},
		Parties: parties, Deadline: t.Starts}
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "sans objet (stagiaire majeur)"
	}
	return s
}
