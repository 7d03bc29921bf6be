package demo

import (
	"fmt"
	"strconv"
)

// luhnValid reports whether a string of digits passes the Luhn check, which
// SIRENs and SIRETs do. The domain's own SIRET validator (with La Poste's
// exception) belongs to the accounts work; this is all the generator needs.
func luhnValid(digits string) bool {
	sum := 0
	for i := range len(digits) {
		d := int(digits[len(digits)-1-i] - '0')
		if d < 0 || d > 9 {
			return false
		}
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return len(digits) > 0 && sum%10 == 0
}

// withLuhnDigit appends the digit that makes digits pass the Luhn check.
func withLuhnDigit(digits string) string {
	for d := range 10 {
		candidate := digits + strconv.Itoa(d)
		if luhnValid(candidate) {
			return candidate
		}
	}
	panic("demo: no Luhn digit for " + digits) // one of ten digits always fits
}

// siret returns a new valid SIRET: a valid SIREN and the establishment number
// of its head office, 0001, with the digit that validates the whole.
func (g *generator) siret() string {
	siren := withLuhnDigit(fmt.Sprintf("%d%07d", g.between(3, 8), g.rng.IntN(10_000_000)))
	return withLuhnDigit(siren + "0001")
}

// rna returns an association's registration number: W, the prefecture of the
// 92's code, and seven digits.
func (g *generator) rna() string {
	return fmt.Sprintf("W92%07d", g.rng.IntN(10_000_000))
}
