package progress

import (
	"context"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/signature"
)

// Signer has documents signed online: the signature service.
type Signer interface {
	Start(ctx context.Context, d signature.Document) (*domain.SignatureRequest, error)
}

// AgreementTerms are what staff set in a grant agreement; the amount is the
// award's.
type AgreementTerms struct {
	RepresentativeName  string
	RepresentativeEmail string
	// FirstShare is the percentage paid once the agreement is signed; the
	// balance is paid after the final report.
	FirstShare  int
	InterimOn   time.Time // zero: no interim report
	ReportOn    time.Time
	Obligations string // added to the standard obligations
}

func (t AgreementTerms) check(now time.Time) error {
	switch {
	case strings.TrimSpace(t.RepresentativeName) == "":
		return domain.FieldError("representative_name", "error.agreement.representative_name")
	case !validAddress(t.RepresentativeEmail):
		return domain.FieldError("representative_email", "error.agreement.representative_email")
	case t.FirstShare < 1 || t.FirstShare > 100:
		return domain.FieldError("first_share", "error.agreement.first_share")
	case t.ReportOn.IsZero() || !t.ReportOn.After(now):
		return domain.FieldError("report_on", "error.agreement.report_on")
	case !t.InterimOn.IsZero() && (!t.InterimOn.After(now) || !t.InterimOn.Before(t.ReportOn)):
		return domain.FieldError("interim_on", "error.agreement.interim_on")
	case len(t.Obligations) > 4000:
		return domain.FieldError("obligations", "error.agreement.obligations_too_long")
	}
	return nil
}

func validAddress(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == strings.TrimSpace(s)
}

// standardObligations are the association's commitments in every
// agreement (article L1611-4 of the CGCT: the Département may check the use
// of the grant).
var standardObligations = []string{
	"Utiliser la subvention exclusivement pour le projet décrit ci-dessus.",
	"Mentionner le soutien du Département des Hauts-de-Seine (PROGR'ESS) dans toute communication sur le projet.",
	"Transmettre les rapports aux dates prévues, avec le bilan financier et les indicateurs annoncés.",
	"Informer le Département sans délai de toute modification du projet, de son calendrier ou de son budget.",
	"Reverser tout ou partie de la subvention non utilisée ou utilisée à d'autres fins que le projet.",
}

// PrepareAgreement has the grant agreement of an awarded file signed: by
// the association's legal representative, then by the Département (the
// agent preparing it). Preparing it again with other terms voids the
// signatures already given and sends the new agreement; the file becomes
// « convention signée » only when both have signed (AgreementCompleted).
func (s *Service) PrepareAgreement(ctx context.Context, actor *domain.User, id string, t AgreementTerms) (*domain.SignatureRequest, error) {
	g, call, err := s.fileAndCall(ctx, s.staffFile, actor, id)
	if err != nil {
		return nil, err
	}
	if g.State != domain.GrantAwarded {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.agreement.not_awarded"}
	}
	if err := t.check(s.now()); err != nil {
		return nil, err
	}
	if s.signer == nil {
		return nil, &domain.Error{Code: domain.EUNAVAILABLE, Message: "error.unavailable"}
	}
	amount := call.AwardAmounts[g.ID]
	return s.signer.Start(ctx, agreementDocument(g, call, amount, t, actor))
}

func agreementDocument(g *domain.GrantApplication, call *domain.Call, amount domain.Money, t AgreementTerms, actor *domain.User) signature.Document {
	c := g.Content
	first := amount * domain.Money(t.FirstShare) / 100
	money := func(m domain.Money) string { return i18n.Money("fr", int64(m)) }
	day := func(d time.Time) string { return i18n.Date("fr", d) }
	schedule := []domain.DocumentRow{{Label: fmt.Sprintf("Premier versement (%d %%)", t.FirstShare),
		Value: money(first) + ", après la signature de la présente convention"}}
	if first < amount {
		schedule = append(schedule, domain.DocumentRow{Label: "Solde", Value: money(amount-first) + ", après réception du rapport final"})
	}
	reports := []domain.DocumentRow{{Label: "Rapport final", Value: day(t.ReportOn)}}
	if !t.InterimOn.IsZero() {
		reports = append([]domain.DocumentRow{{Label: "Rapport intermédiaire", Value: day(t.InterimOn)}}, reports...)
	}
	obligations := standardObligations
	if extra := strings.TrimSpace(t.Obligations); extra != "" {
		obligations = append(append([]string{}, obligations...), strings.Split(strings.ReplaceAll(extra, "\r\n", "\n"), "\n")...)
	}
	return signature.Document{Kind: domain.SignGrantAgreement, SubjectID: g.ID, CreatedBy: actor.ID,
		Title:   "Convention de subvention PROGR'ESS",
		Summary: c.Identity.Name + " — « " + c.Project.Title + " » — " + money(amount),
		Sections: []domain.DocumentSection{
			{Heading: "Parties", Rows: []domain.DocumentRow{{Label: "Le Département", Value: "Département des Hauts-de-Seine, " + call.Title},
				{Label: "Le bénéficiaire", Value: c.Identity.Name + ", " + c.Identity.Address},
				{Label: "Identifiant", Value: c.Identity.RNA + c.Identity.SIRET}, {Label: "Dossier", Value: g.ID}}},
			{Heading: "Article 1 — Objet", Paragraphs: []string{"Le Département soutient le projet « " + c.Project.Title + " » : " + c.Project.Summary}},
			{Heading: "Article 2 — Montant et versements", Rows: append([]domain.DocumentRow{{Label: "Subvention attribuée", Value: money(amount)}}, schedule...)},
			{Heading: "Article 3 — Obligations du bénéficiaire", Paragraphs: obligations},
			{Heading: "Article 4 — Rapports", Rows: reports},
		},
		Parties: []domain.SignatureParty{
			{Role: "legal_representative", Name: strings.TrimSpace(t.RepresentativeName), Email: t.RepresentativeEmail, Order: 1},
			{Role: "department", Name: actor.Name, Email: actor.Email, Locale: actor.Locale, Order: 2},
		}}
}

// AgreementCompleted is called by the signature service once the grant
// agreement is signed by both parties: the file becomes « convention
// signée », with the agent who prepared it as author. It is the only way
// there: no staff button sets it. Called twice, it changes nothing.
func (s *Service) AgreementCompleted(ctx context.Context, r *domain.SignatureRequest) error {
	if r.Kind != domain.SignGrantAgreement || r.State != domain.SignatureCompleted {
		return nil
	}
	g, err := s.store.GrantByID(ctx, r.SubjectID)
	if err != nil || g.State != domain.GrantAwarded {
		return err
	}
	agent := &domain.User{ID: r.CreatedBy, Roles: []domain.Role{domain.RoleStaff}}
	if err := s.Transition(ctx, agent, g, domain.GrantAgreementSigned, domain.RoleStaff,
		"convention signée en ligne ("+r.ID+")", nil); err != nil {
		return err
	}
	return s.store.SetAwardDate(ctx, g.ID, "agreement_signed_at", g.History[len(g.History)-1].At)
}
