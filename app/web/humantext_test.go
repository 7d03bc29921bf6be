package web_test

import (
	"strings"
	"testing"

	"passerelle/app/i18n/texttest"
)

// checkHumanText fails on what a person should never read in the text of
// page (link is the address it was read at).
func checkHumanText(t *testing.T, link, page string) {
	t.Helper()
	texttest.Check(t, link, texttest.Visible(page))
}

// frenchOnly are words of the platform's own French sentences that an
// English page must not show (the demo's offers stay in French, as their
// authors wrote them).
var frenchOnly = []string{"de chez toi", "tu as choisi", "tu cherches", "habite à", "s'intéresse à", "cherche un",
	"adaptée à ton niveau", "nouvelle cette semaine", "publiée il y a", "places libres", "place libre", " ans ·"}

// checkEnglish fails on the platform's French words in an English page.
func checkEnglish(t *testing.T, link, page string) {
	t.Helper()
	text := texttest.Visible(page)
	for _, w := range frenchOnly {
		if strings.Contains(text, w) {
			t.Errorf("%s: French %q on an English page, in %q", link, w, texttest.Around(text, w))
		}
	}
}
