package progress

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"passerelle/app/domain"
	"passerelle/app/i18n"
)

// Receipt renders the acknowledgement of a submitted file as a one-page
// PDF: who applied, for what, how much, when (Paris time), and a
// fingerprint of the content submitted so that it can be checked later.
func Receipt(call *domain.Call, g *domain.GrantApplication) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true) // resources in a fixed order: the same file gives the same bytes
	pdf.SetTitle("Accusé de réception PROGR'ESS", true)
	pdf.SetCreator("Passerelle 92", true)
	// The same file always gives the same bytes, whether the instant comes
	// from memory or from the database (which keeps milliseconds and UTC).
	submitted := g.SubmittedAt.In(domain.Paris).Truncate(time.Second)
	pdf.SetCreationDate(submitted)
	pdf.SetModificationDate(submitted)
	tr := pdf.UnicodeTranslatorFromDescriptor("") // cp1252: French accents in the core fonts
	text := func(s string) string { return tr(strings.ReplaceAll(s, "\u202f", "\u00a0")) }
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 16)
	pdf.MultiCell(0, 9, text("Département des Hauts-de-Seine — "+call.Title), "", "L", false)
	pdf.SetFont("Helvetica", "", 12)
	pdf.MultiCell(0, 8, text("Accusé de réception de votre candidature"), "", "L", false)
	pdf.Ln(4)
	for _, row := range receiptRows(call, g) {
		pdf.SetFont("Helvetica", "B", 11)
		pdf.CellFormat(55, 7, text(row[0]), "", 0, "L", false, 0, "")
		pdf.SetFont("Helvetica", "", 11)
		pdf.MultiCell(0, 7, text(row[1]), "", "L", false)
	}
	pdf.Ln(4)
	pdf.MultiCell(0, 6, text("Votre dossier est verrouillé. Il sera examiné selon le règlement de l'appel à projets ; "+
		"vous serez informé(e) de chaque étape par courriel."), "", "L", false)
	var buf bytes.Buffer
	err := pdf.Output(&buf)
	return buf.Bytes(), err
}

func receiptRows(call *domain.Call, g *domain.GrantApplication) [][2]string {
	c := g.Content
	return [][2]string{
		{"Référence", g.ID},
		{"Organisation", c.Identity.Name},
		{"Projet", c.Project.Title},
		{"Montant demandé", i18n.Money("fr", int64(c.Budget.Requested()))},
		{"Coût total du projet", i18n.Money("fr", int64(c.Budget.TotalExpenses()))},
		{"Pièces jointes", strings.Join(attachmentNames(g.Attachments), ", ")},
		{"Déposé le", i18n.DateTime("fr", *g.SubmittedAt)},
		{"Empreinte (SHA-256)", Fingerprint(c)},
	}
}

func attachmentNames(attachments []domain.Attachment) []string {
	names := make([]string, len(attachments))
	for i, a := range attachments {
		names[i] = a.Name
	}
	return names
}

// Fingerprint is the SHA-256 of the content's JSON: the same content always
// gives the same fingerprint.
func Fingerprint(c domain.GrantContent) string {
	raw, _ := json.Marshal(c) // plain structs: cannot fail
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}
