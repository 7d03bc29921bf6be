package account

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"passerelle/app/domain"
)

// Password length rules, after current guidance (ANSSI, NIST SP 800-63B):
// length over complexity, no composition rules, a list of known passwords refused.
const (
	MinPasswordLength = 12
	MaxPasswordLength = 128
)

//go:embed common_passwords.txt
var commonList string

var common = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Fields(commonList) {
		m[p] = true
	}
	return m
}()

// CheckPassword tells why password may not be used by the holder of email,
// or nil. Spaces are allowed, so that passphrases are welcome.
func CheckPassword(password, email string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLength:
		return domain.FieldError("password", "error.password.too_short")
	case n > MaxPasswordLength:
		return domain.FieldError("password", "error.password.too_long")
	case common[strings.ToLower(password)]:
		return domain.FieldError("password", "error.password.common")
	case containsLocalPart(password, email):
		return domain.FieldError("password", "error.password.contains_email")
	}
	return nil
}

// containsLocalPart catches "jean.dupont2024!" for jean.dupont@…
func containsLocalPart(password, email string) bool {
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	return len(local) >= 4 && strings.Contains(strings.ToLower(password), local)
}
