package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestCatalogsLoadAndAgree(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if c.T("fr", "nav.youth") != "Jeunes" || c.T("en", "nav.youth") != "Young people" {
		t.Fatal("catalog texts wrong")
	}
	if c.T("de", "nav.youth") != "Jeunes" {
		t.Fatal("unsupported locale does not fall back to French")
	}
	if c.T("fr", "no.such.key") != "no.such.key" {
		t.Fatal("unknown key should show itself")
	}
	if got := c.T("fr", "offer.ages_from", 16); got != "à partir de 16 ans" {
		t.Fatalf("formatted message %q", got)
	}
}

// TestEveryErrorKeyInCodeIsTranslated scans the Go sources for message keys
// so that a new error cannot reach a user untranslated.
func TestEveryErrorKeyInCodeIsTranslated(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`"(error\.[a-z_]+(?:\.[a-z_]+)+)"`)
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			if _, ok := c[Default][m[1]]; !ok {
				t.Errorf("%s: key %s missing from the catalogs", path, m[1])
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNegotiate(t *testing.T) {
	cases := []struct{ choice, header, want string }{
		{"", "", "fr"},
		{"", "en-US,en;q=0.9", "en"},
		{"", "de-DE,de;q=0.9", "fr"},
		{"", "de;q=0.9,en;q=0.5", "en"},
		{"en", "fr", "en"},
		{"xx", "en", "fr"},
		{"", "garbage;;;q=", "fr"},
	}
	for _, c := range cases {
		if got := Negotiate(c.choice, c.header); got != c.want {
			t.Errorf("Negotiate(%q, %q) = %q, want %q", c.choice, c.header, got, c.want)
		}
	}
}

func TestFrenchFormats(t *testing.T) {
	catalog, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	New := catalog.For
	summer := time.Date(2026, 7, 1, 12, 30, 0, 0, time.UTC) // 14 h 30 in Paris (UTC+2)
	winter := time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC)
	cases := []struct{ got, want string }{
		{Date("fr", summer), "1er juillet 2026"},
		{Date("fr", winter), "27 novembre 2026"},
		{DateTime("fr", summer), "mercredi 1er juillet 2026 à 14 h 30"},
		{DateTime("en", summer), "Wednesday July 1, 2026 at 14:30"},
		{Number("fr", 100000), "100\u202f000"},
		{Number("en", -1234567), "-1,234,567"},
		{Number("fr", 999), "999"},
		{Money("fr", 1500000), "15\u202f000\u00a0€"},
		{Money("fr", 1250), "12,50\u00a0€"},
		{Money("en", 1500005), "€15,000.05"},
		{Decimal("fr", 1140), "1\u202f140,0"},
		{Decimal("fr", 60), "60,0"},
		{Decimal("en", -0.44), "-0.4"},
		{New("fr").Plural("visit.seats", 1, "15"), "1 place libre sur 15"},
		{New("fr").Plural("visit.seats", 0, "15"), "0 place libre sur 15"},
		{New("en").Plural("visit.seats", 0, "15"), "0 places free out of 15"},
		{New("fr").Day("2026-09-14"), "14 septembre 2026"},
		{"Offre" + New("fr").Colon() + New("fr").Quote("Léa"), "Offre : « Léa »"},
		{"Offer" + New("en").Colon() + New("en").Quote("Léa"), "Offer: “Léa”"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
