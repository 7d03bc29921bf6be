package domain

import (
	"strings"
	"time"
)

// laPosteSIREN is La Poste's SIREN: its many establishments were numbered
// before the Luhn key was imposed, and their SIRETs instead have a sum of
// digits that is a multiple of 5 (INSEE).
const laPosteSIREN = "356000000"

// CompactIdentifier removes the spaces, dots and dashes people type inside
// identifiers ("123 456 789 00012") and upper-cases letters.
func CompactIdentifier(s string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s))
}

// ValidSIREN reports whether s is 9 digits passing the Luhn check.
func ValidSIREN(s string) bool {
	return len(s) == 9 && allDigits(s) && luhn(s)
}

// ValidSIRET reports whether s is 14 digits whose SIREN is valid and that
// pass the Luhn check, or, for La Poste's establishments, whose digits sum
// to a multiple of 5 (its head office, 356 000 000 00048, passes Luhn).
func ValidSIRET(s string) bool {
	if len(s) != 14 || !allDigits(s) {
		return false
	}
	if s[:9] == laPosteSIREN && digitSum(s)%5 == 0 {
		return true
	}
	return ValidSIREN(s[:9]) && luhn(s)
}

// ValidRNA reports whether s is a number of the Répertoire national des
// associations: W followed by 9 digits.
func ValidRNA(s string) bool {
	return len(s) == 10 && s[0] == 'W' && allDigits(s[1:])
}

// ValidESUSAgreement reports whether an ESUS agreement (agrément « entreprise
// solidaire d'utilité sociale », law of 31 July 2014, granted for five years,
// two for a company under three years old) dated on is plausible and still
// in force on day now.
func ValidESUSAgreement(on, now time.Time) bool {
	law := time.Date(2014, time.July, 31, 0, 0, 0, 0, time.UTC)
	return !on.Before(law) && !on.After(now) && now.Before(on.AddDate(5, 0, 0))
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func digitSum(s string) int {
	sum := 0
	for i := range len(s) {
		sum += int(s[i] - '0')
	}
	return sum
}

// luhn checks digits, doubling every second digit from the right.
func luhn(digits string) bool {
	sum := 0
	for i := range len(digits) {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}
