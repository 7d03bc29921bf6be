package discover

import (
	"bytes"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Translate gives the sheet its texts in the reader's language.
type Translate func(key string, args ...any) string

// Sheet renders the printable one-family sheet that a counsellor hands out
// to a class: the trades in plain words, the diplomas and the lycées, and
// the address of the page with what is open now. The same inputs always
// give the same bytes.
func Sheet(f Family, t Translate, familyName, pageURL string, lycees []Lycee, communeName func(string) string) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	pdf.SetTitle(t("discover.family.title", familyName), true)
	pdf.SetCreator("Passerelle 92", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("") // cp1252: French accents in the core fonts
	text := func(s string) string { return tr(latinOnly.Replace(s)) }
	heading := func(s string, size float64) {
		pdf.Ln(2)
		pdf.SetFont("Helvetica", "B", size)
		pdf.MultiCell(0, size/2+1, text(s), "", "L", false)
	}
	para := func(s string) {
		pdf.SetFont("Helvetica", "", 10)
		pdf.MultiCell(0, 5, text(s), "", "L", false)
	}
	pdf.AddPage()
	heading("Passerelle 92 — "+t("discover.family.title", familyName), 16)
	para(t("discover." + f.Key + ".intro"))
	heading(t("discover.jobs"), 13)
	for _, g := range f.Groups() {
		heading(g.Head.Label, 11)
		para(t("discover.rome." + g.Head.Code))
		if len(g.Jobs) > 0 {
			labels := make([]string, len(g.Jobs))
			for i, j := range g.Jobs {
				labels[i] = j.Label
			}
			para(t("discover.jobs.related") + " " + strings.Join(labels, " ; ") + ".")
		}
	}
	heading(t("discover.paths"), 13)
	for _, p := range f.Paths {
		para("• " + p.Diploma + " — " + t("discover.level."+p.Level))
	}
	para(t("discover.paths.apprenticeship"))
	heading(t("discover.lycees"), 13)
	para(t("discover.lycees.note"))
	names := make([]string, len(lycees))
	for i, l := range lycees {
		names[i] = l.Name + " (" + communeName(l.CommuneCode) + ")"
	}
	para(strings.Join(names, " ; ") + ".")
	heading(t("discover.open"), 13)
	para(t("discover.sheet.online", pageURL))
	var buf bytes.Buffer
	err := pdf.Output(&buf)
	return buf.Bytes(), err
}

// latinOnly replaces the characters the PDF core fonts lack.
var latinOnly = strings.NewReplacer("\u202f", "\u00a0", "ᵉ", "e", "ʳ", "r", "·", "-", "’", "'")
