package account

import (
	"context"
	"slices"
	"strings"
	"time"

	"passerelle/app/domain"
)

// TestimonyStore is what organisation pages and testimonies need from the
// database.
type TestimonyStore interface {
	SetOrganisationPresentation(ctx context.Context, id, presentation, accessibility string) error
	InsertTestimony(ctx context.Context, t domain.Testimony) error
	TestimonyByID(ctx context.Context, id string) (*domain.Testimony, error)
	ModerateTestimony(ctx context.Context, id string, to domain.TestimonyStatus, families []string, at time.Time) error
	PublishedOffersOf(ctx context.Context, orgID string, limit int) ([]domain.Offer, error)
}

// tradesShown bounds the published offers an organisation's trades are read from.
const tradesShown = 50

// SavePresentation saves the texts of the public page of org, an employer
// (not a school or youth structure), written by one of its members.
func (s *Service) SavePresentation(ctx context.Context, org *domain.Organisation, presentation, accessibility string, by *domain.User, client Client) error {
	if org.Kind.IsStructure() {
		return &domain.Error{Code: domain.EINVALID, Message: "error.organisation.no_public_page"}
	}
	presentation, accessibility = strings.TrimSpace(presentation), strings.TrimSpace(accessibility)
	if err := s.store.SetOrganisationPresentation(ctx, org.ID, presentation, accessibility); err != nil {
		return err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: by.ID, Action: domain.AuditOrgPresented, TargetKind: "organisation",
		TargetID: org.ID, IP: client.IP})
	return nil
}

// WriteTestimony records a testimony for org's public page, written by one
// of its members; it waits for staff moderation.
func (s *Service) WriteTestimony(ctx context.Context, org *domain.Organisation, author, text string, by *domain.User, client Client) error {
	if org.Kind.IsStructure() {
		return &domain.Error{Code: domain.EINVALID, Message: "error.organisation.no_public_page"}
	}
	t := domain.Testimony{ID: strings.ToLower(domain.NewID("tem")), OrganisationID: org.ID, OrganisationName: org.Name,
		Author: strings.TrimSpace(author), Text: strings.TrimSpace(text), Status: domain.TestimonyPending,
		WrittenBy: by.ID, CreatedAt: s.now().UTC()}
	switch {
	case t.Author == "":
		return domain.FieldError("author", "error.testimony.author_required")
	case t.Text == "":
		return domain.FieldError("testimony", "error.testimony.text_required")
	}
	if err := s.store.InsertTestimony(ctx, t); err != nil {
		return err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: by.ID, Action: domain.AuditTestimonyWritten, TargetKind: "organisation",
		TargetID: org.ID, IP: client.IP, Detail: t.ID})
	return nil
}

// ModerateTestimony publishes or refuses a pending testimony. A published
// one shows on the discovery pages of the families of its organisation's
// published offers.
func (s *Service) ModerateTestimony(ctx context.Context, id string, publish bool, staff *domain.User, client Client) (*domain.Testimony, error) {
	t, err := s.store.TestimonyByID(ctx, id)
	if err != nil {
		return nil, err
	}
	to, families := domain.TestimonyRefused, []string(nil)
	if publish {
		to = domain.TestimonyPublished
		offers, err := s.store.PublishedOffersOf(ctx, t.OrganisationID, tradesShown)
		if err != nil {
			return nil, err
		}
		families = TensionFamilies(offers)
	}
	if err := s.store.ModerateTestimony(ctx, id, to, families, s.now().UTC()); err != nil {
		return nil, err
	}
	t.Status, t.Families = to, families
	s.audit(ctx, domain.AuditEvent{ActorID: staff.ID, Action: domain.AuditTestimonyMod, TargetKind: "testimony",
		TargetID: t.ID, IP: client.IP, Detail: string(to) + " " + t.OrganisationID})
	return t, nil
}

// TensionFamilies lists the tension families of offers, each once, sorted.
func TensionFamilies(offers []domain.Offer) []string {
	var families []string
	for _, o := range offers {
		if o.TensionFamily != "" && !slices.Contains(families, o.TensionFamily) {
			families = append(families, o.TensionFamily)
		}
	}
	slices.Sort(families)
	return families
}
