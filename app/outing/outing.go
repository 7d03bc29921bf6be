// Package outing collects the outing authorisations of a class's company
// visit: the counsellor who booked it enters each pupil's legal guardian,
// each guardian signs online (or on the paper form), the counsellor follows
// who signed and prints the roll for the day. The authorisations are
// deleted a set number of days after the visit.
package outing

import (
	"context"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/refdata"
	"passerelle/app/signature"
)

// Store is what the service reads of the bookings.
type Store interface {
	BookingByID(ctx context.Context, id string) (*domain.Booking, error)
	SessionByID(ctx context.Context, id string) (*domain.VisitSession, error)
	OfferByID(ctx context.Context, id string) (*domain.Offer, error)
	OrganisationByID(ctx context.Context, id string) (*domain.Organisation, error)
}

// Signer has the authorisations signed: the signature service.
type Signer interface {
	Start(ctx context.Context, d signature.Document) (*domain.SignatureRequest, error)
	ByGroup(ctx context.Context, groupID string) ([]domain.SignatureRequest, error)
}

// Config holds how long after the visit the authorisations are kept.
type Config struct {
	KeepDays int
	Now      func() time.Time
}

// Service collects the authorisations.
type Service struct {
	store  Store
	signer Signer
	cfg    Config
}

// New returns the service.
func New(store Store, signer Signer, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{store: store, signer: signer, cfg: cfg}
}

// Visit is a booking with what its authorisations say about it.
type Visit struct {
	Booking  *domain.Booking
	Session  *domain.VisitSession
	Offer    *domain.Offer
	Employer *domain.Organisation
	// Requests are the authorisations, one per pupil, the oldest first.
	Requests []domain.SignatureRequest
}

// Pupil is one line the counsellor entered.
type Pupil struct {
	Name, Guardian, Email string
}

const maxPupils = 60

// ParseGuardians reads the counsellor's lines « pupil ; guardian ; email »
// (a tab also separates, as a spreadsheet pastes it). Every line is checked
// before anything is sent: one wrong line, and nothing is.
func ParseGuardians(text string) ([]Pupil, error) {
	var pupils []Pupil
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.FieldsFunc(line, func(r rune) bool { return r == ';' || r == '\t' })
		if len(fields) != 3 {
			return nil, domain.FieldError("guardians", "error.outing.line")
		}
		p := Pupil{Name: clean(fields[0]), Guardian: clean(fields[1]), Email: strings.ToLower(strings.TrimSpace(fields[2]))}
		a, err := mail.ParseAddress(p.Email)
		if p.Name == "" || p.Guardian == "" || err != nil || a.Address != p.Email || len(p.Name) > 120 || len(p.Guardian) > 120 {
			return nil, domain.FieldError("guardians", "error.outing.line")
		}
		pupils = append(pupils, p)
	}
	switch {
	case len(pupils) == 0:
		return nil, domain.FieldError("guardians", "error.outing.empty")
	case len(pupils) > maxPupils:
		return nil, domain.FieldError("guardians", "error.outing.too_many")
	}
	return pupils, nil
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// Visit returns a booking and its authorisations to the counsellor who
// booked it, or a counsellor of the same structure.
func (s *Service) Visit(ctx context.Context, actor *domain.User, bookingID string) (*Visit, error) {
	b, err := s.store.BookingByID(ctx, bookingID)
	if err != nil {
		return nil, err
	}
	if actor == nil || (b.CounsellorID != actor.ID && !(actor.HasRole(domain.RoleCounsellor) && slices.Contains(actor.OrganisationIDs, b.StructureID))) {
		return nil, &domain.Error{Code: domain.ENOTFOUND, Message: "error.not_found"}
	}
	v := &Visit{Booking: b}
	if v.Session, err = s.store.SessionByID(ctx, b.SessionID); err != nil {
		return nil, err
	}
	if v.Offer, err = s.store.OfferByID(ctx, b.OfferID); err != nil {
		return nil, err
	}
	if v.Employer, err = s.store.OrganisationByID(ctx, b.OrganisationID); err != nil {
		return nil, err
	}
	v.Requests, err = s.signer.ByGroup(ctx, b.ID)
	return v, err
}

// Request sends each pupil's guardian the authorisation to sign before the
// visit. Sending the same line again changes nothing; a guardian changed
// for a pupil voids the previous request.
func (s *Service) Request(ctx context.Context, actor *domain.User, bookingID, text string) (*Visit, error) {
	v, err := s.Visit(ctx, actor, bookingID)
	if err != nil {
		return nil, err
	}
	if v.Booking.Status != domain.BookingConfirmed {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.outing.not_confirmed"}
	}
	if !s.cfg.Now().Before(v.Session.StartsAt) {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.outing.past"}
	}
	pupils, err := ParseGuardians(text)
	if err != nil {
		return nil, err
	}
	for _, p := range pupils {
		if _, err := s.signer.Start(ctx, s.document(v, p, actor)); err != nil {
			return nil, err
		}
	}
	v.Requests, err = s.signer.ByGroup(ctx, bookingID)
	return v, err
}

// about is what the authorisation says of the visit.
func about(v *Visit) []domain.DocumentRow {
	return []domain.DocumentRow{
		{Label: "Visite", Value: v.Offer.Title},
		{Label: "Entreprise", Value: v.Employer.Name},
		{Label: "Lieu", Value: place(v.Offer)},
		{Label: "Date", Value: i18n.DateTime("fr", v.Session.StartsAt)},
		{Label: "Groupe", Value: v.Booking.GroupName + " (" + v.Booking.GroupLevel + ")"},
		{Label: "Encadrement", Value: v.Booking.CounsellorName + ", " + strconv.Itoa(v.Booking.Adults) + " adulte(s) accompagnateur(s)"},
	}
}

func place(o *domain.Offer) string {
	if c, ok := refdata.CommuneByCode(o.CommuneCode); ok {
		return strings.TrimSpace(o.Address + " " + c.Name)
	}
	return o.Address
}

const consentText = "J'autorise l'élève nommé(e) ci-dessus à participer à cette visite d'entreprise, encadrée par " +
	"l'établissement, aux date et lieu indiqués, trajets compris."

func (s *Service) document(v *Visit, p Pupil, actor *domain.User) signature.Document {
	return signature.Document{Kind: domain.SignOutingAuthorisation, GroupID: v.Booking.ID,
		SubjectID: v.Booking.ID + "/" + strings.ToLower(p.Name), CreatedBy: actor.ID,
		Title:   "Autorisation de sortie",
		Summary: v.Offer.Title + " — " + v.Employer.Name + " — " + i18n.Date("fr", v.Session.StartsAt),
		Sections: []domain.DocumentSection{
			{Heading: "La visite", Rows: about(v)},
			{Heading: "L'élève", Rows: []domain.DocumentRow{{Label: "Élève", Value: p.Name}}},
			{Heading: "Autorisation", Paragraphs: []string{consentText}},
		},
		Parties:    []domain.SignatureParty{{Role: "guardian", Name: p.Guardian, Email: p.Email, Order: 1}},
		Deadline:   v.Session.StartsAt,
		PurgeAfter: v.Session.StartsAt.AddDate(0, 0, s.cfg.KeepDays),
	}
}

// PaperForm is the authorisation to print, for the guardians who sign on
// paper: the visit, then blanks for the pupil, the guardian and the signature.
func (s *Service) PaperForm(ctx context.Context, actor *domain.User, bookingID string) ([]byte, error) {
	v, err := s.Visit(ctx, actor, bookingID)
	if err != nil {
		return nil, err
	}
	blank := "________________________________________"
	return signature.Sheet("Autorisation de sortie", []domain.DocumentSection{
		{Heading: "La visite", Rows: about(v)},
		{Heading: "Autorisation", Paragraphs: []string{consentText}},
		{Heading: "À remplir par le responsable légal", Rows: []domain.DocumentRow{{Label: "Nom de l'élève", Value: blank},
			{Label: "Nom du responsable légal", Value: blank}, {Label: "Fait à", Value: blank},
			{Label: "Le", Value: blank}, {Label: "Signature", Value: ""}}},
	}, v.Booking.CreatedAt)
}

// Roll is the list for the day of the visit: each pupil, their guardian,
// and whether the authorisation is signed (online, or to check on paper).
func (s *Service) Roll(ctx context.Context, actor *domain.User, bookingID string) ([]byte, error) {
	v, err := s.Visit(ctx, actor, bookingID)
	if err != nil {
		return nil, err
	}
	var rows []domain.DocumentRow
	for _, r := range v.Requests {
		if r.State == domain.SignatureVoided {
			continue
		}
		p := r.Parties[0]
		status := "non signée — autorisation papier à vérifier"
		if p.SignedAt != nil {
			status = "signée en ligne le " + i18n.DateTime("fr", *p.SignedAt) + " par " + p.SignedName
		}
		rows = append(rows, domain.DocumentRow{Label: PupilOf(r), Value: p.Name + " : " + status})
	}
	return signature.Sheet("Liste des élèves — "+v.Booking.GroupName, []domain.DocumentSection{
		{Heading: "La visite", Rows: about(v)},
		{Heading: "Autorisations de sortie", Rows: rows},
	}, s.cfg.Now())
}

// PupilOf is the pupil an authorisation is for.
func PupilOf(r domain.SignatureRequest) string {
	for _, sec := range r.Sections {
		for _, row := range sec.Rows {
			if row.Label == "Élève" {
				return row.Value
			}
		}
	}
	return ""
}
