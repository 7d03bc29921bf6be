package progress

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A stored file name keeps at most maxNameLength characters, its extension
// included when it has a sensible one.
func TestStoredNamesAreShortened(t *testing.T) {
	long := strings.Repeat("é", 300)
	for name, want := range map[string]string{
		"statuts.pdf":                       "statuts.pdf",
		long + ".pdf":                       strings.Repeat("é", maxNameLength-4) + ".pdf",
		"a." + long:                         ("a." + long)[:len("a.")+2*(maxNameLength-2)],
		strings.Repeat("x", 200):            strings.Repeat("x", maxNameLength),
		strings.Repeat("mot ", 40) + ".png": strings.TrimSpace(strings.Repeat("mot ", 40)[:maxNameLength-4]) + ".png",
	} {
		got := cleanName(name)
		if got != want || utf8.RuneCountInString(got) > maxNameLength {
			t.Errorf("cleanName(%.20q…) = %q, want %q", name, got, want)
		}
	}
}
