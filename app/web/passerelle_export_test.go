package web_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportsInFrenchOfWhatTheUserMaySee(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	other := f.apiUser(t, "api-rival", "employer", "rival-company")
	resp, body := p.employer.pageVisitor().get(t, "/exports/offres/csv")
	wantStatus(t, resp, http.StatusOK)
	if !strings.HasPrefix(body, "\uFEFFIdentifiant;Organisation;Type;Titre") || !strings.Contains(body, p.offerID) ||
		!strings.Contains(body, ";publiée;") {
		t.Errorf("offers CSV:\n%s", body)
	}
	if _, rival := other.pageVisitor().get(t, "/exports/offres/csv"); strings.Contains(rival, p.offerID) {
		t.Error("another employer's export lists the offer")
	}
	resp, raw := p.staff.pageVisitor().get(t, "/exports/reservations/xlsx")
	wantStatus(t, resp, http.StatusOK)
	book, err := excelize.OpenReader(bytes.NewReader([]byte(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := book.GetCellValue(book.GetSheetName(0), "F1"); v != "Jeunes" {
		t.Errorf("XLSX header F1 = %q", v)
	}
	if resp, _ := p.youth.pageVisitor().get(t, "/exports/candidatures/csv"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a youth exported: %d", resp.StatusCode)
	}
}
