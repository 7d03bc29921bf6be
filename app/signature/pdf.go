package signature

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"passerelle/app/domain"
	"passerelle/app/i18n"
)

// The documents are written in French, the language of the acts signed.

// render writes the document: its title, then each section. With final, a
// signature page and the request's trail follow. Dates are those of the
// request, so the same request always gives the same bytes.
func render(r *domain.SignatureRequest, final bool) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetTitle(r.Title, true)
	pdf.SetCreator("Passerelle 92", true)
	created := r.CreatedAt.In(domain.Paris).Truncate(time.Second)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	tr := pdf.UnicodeTranslatorFromDescriptor("") // cp1252: French accents in the core fonts
	text := func(s string) string { return tr(strings.ReplaceAll(s, "\u202f", "\u00a0")) }
	pdf.SetFooterFunc(func() {
		if r.ID == "" {
			return
		}
		pdf.SetY(-15)
		pdf.SetFont("Helvetica", "", 8)
		pdf.CellFormat(0, 8, text("Référence "+r.ID), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 16)
	pdf.MultiCell(0, 9, text("Département des Hauts-de-Seine — "+r.Title), "", "L", false)
	for _, sec := range r.Sections {
		pdf.Ln(3)
		pdf.SetFont("Helvetica", "B", 13)
		pdf.MultiCell(0, 8, text(sec.Heading), "", "L", false)
		for _, row := range sec.Rows {
			pdf.SetFont("Helvetica", "B", 10)
			pdf.CellFormat(60, 6, text(row.Label), "", 0, "L", false, 0, "")
			pdf.SetFont("Helvetica", "", 10)
			pdf.MultiCell(0, 6, text(row.Value), "", "L", false)
		}
		pdf.SetFont("Helvetica", "", 10)
		for _, p := range sec.Paragraphs {
			pdf.MultiCell(0, 5.5, text(p), "", "L", false)
			pdf.Ln(1)
		}
	}
	if final {
		signaturePage(pdf, r, text)
	}
	var buf bytes.Buffer
	err := pdf.Output(&buf)
	return buf.Bytes(), err
}

func signaturePage(pdf *fpdf.Fpdf, r *domain.SignatureRequest, text func(string) string) {
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 14)
	pdf.MultiCell(0, 8, text("Signatures"), "", "L", false)
	pdf.SetFont("Helvetica", "", 9)
	pdf.MultiCell(0, 5, text("Signature électronique simple : chaque partie a ouvert son lien personnel, saisi le code "+
		"à usage unique reçu à la même adresse, tapé son nom et coché son consentement. Empreinte SHA-256 du document : "+
		r.Hash), "", "L", false)
	pdf.Ln(2)
	for _, p := range r.Parties {
		pdf.SetFont("Helvetica", "B", 10)
		pdf.MultiCell(0, 6, text(roleLabel(p.Role)+" : "+p.Name+" <"+p.Email+">"), "", "L", false)
		pdf.SetFont("Helvetica", "", 10)
		if p.SignedAt == nil {
			pdf.MultiCell(0, 6, text("Non signé"), "", "L", false)
		} else {
			pdf.MultiCell(0, 6, text("Signé par « "+p.SignedName+" » le "+i18n.DateTime("fr", *p.SignedAt)+
				" — adresse IP "+p.IP+" — navigateur "+p.UserAgent), "", "L", false)
		}
		pdf.Ln(1)
	}
	pdf.Ln(2)
	pdf.SetFont("Helvetica", "B", 12)
	pdf.MultiCell(0, 7, text("Journal"), "", "L", false)
	pdf.SetFont("Helvetica", "", 8)
	for _, e := range r.Events {
		who := ""
		if e.Party >= 0 && e.Party < len(r.Parties) {
			who = " — " + r.Parties[e.Party].Name
		}
		pdf.MultiCell(0, 4.5, text(i18n.DateTime("fr", e.At)+" — "+eventLabel(e.Kind)+who+" — SHA-256 "+e.Hash), "", "L", false)
	}
}

// Labels of the PDF (French, like the document).
var (
	roleLabels = map[string]string{
		"legal_representative": "Représentant légal de l'association", "department": "Département des Hauts-de-Seine",
		"guardian": "Responsable légal", "youth": "Élève ou stagiaire", "youth_guardian": "Représentant légal du mineur",
		"employer": "Employeur", "tutor": "Tuteur", "teacher": "Enseignant référent", "school_head": "Chef d'établissement",
	}
	eventLabels = map[string]string{
		domain.SignEventCreated: "document établi", domain.SignEventInvited: "invitation envoyée",
		domain.SignEventReminded: "relance envoyée", domain.SignEventCodeSent: "code envoyé",
		domain.SignEventCodeTried: "code saisi", domain.SignEventCodeWrong: "code erroné", domain.SignEventSigned: "signature",
		domain.SignEventCompleted: "document signé par toutes les parties", domain.SignEventExpired: "délai expiré",
		domain.SignEventVoided: "annulé (données modifiées)", domain.SignEventTampered: "document altéré refusé",
	}
)

func roleLabel(role string) string {
	if l, ok := roleLabels[role]; ok {
		return l
	}
	return role
}

func eventLabel(kind string) string {
	if l, ok := eventLabels[kind]; ok {
		return l
	}
	return kind
}

// fingerprint is the SHA-256 of a file, in hex.
func fingerprint(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Sheet renders a document that nobody signs online: a paper form to print,
// the roll of a visit. at dates it, so the same sheet gives the same bytes.
func Sheet(title string, sections []domain.DocumentSection, at time.Time) ([]byte, error) {
	return render(&domain.SignatureRequest{Title: title, Sections: sections, CreatedAt: at}, false)
}
