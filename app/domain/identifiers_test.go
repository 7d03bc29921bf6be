package domain_test

import (
	"testing"
	"time"

	"passerelle/app/domain"
)

func TestValidSIRENAndSIRET(t *testing.T) {
	cases := []struct {
		id    string
		siren bool
		siret bool
	}{
		{"732829320", true, false},       // a real SIREN
		{"73282932000074", false, true},  // one of its SIRETs
		{"73282932000075", false, false}, // wrong key
		{"732829321", false, false},
		{"35600000000048", false, true}, // La Poste head office, Luhn-valid too
		{"35600000049837", false, true}, // La Poste establishment: sum 45, not Luhn-valid
		{"35600000049838", false, false},
		{"356000000", true, false},
		{"12345678901234", false, false},
		{"7328293200007A", false, false},
		{"", false, false},
		{"000000000", true, false}, // passes Luhn: INSEE never issues it, we do not know better
	}
	for _, c := range cases {
		if got := domain.ValidSIREN(c.id); got != c.siren {
			t.Errorf("ValidSIREN(%q) = %v", c.id, got)
		}
		if got := domain.ValidSIRET(c.id); got != c.siret {
			t.Errorf("ValidSIRET(%q) = %v", c.id, got)
		}
	}
}

func TestLaPosteSIRETNeedsItsOwnRule(t *testing.T) {
	const id = "35600000049837"
	sum := 0
	for _, r := range id {
		sum += int(r - '0')
	}
	if sum%5 != 0 || domain.ValidSIREN(id[:9]) && domain.ValidSIRET("73282932049837") {
		t.Fatal("the test's La Poste SIRET is not the edge case it claims to be")
	}
}

func TestValidRNA(t *testing.T) {
	for id, want := range map[string]bool{
		"W922001234": true, "W751234567": true, "w922001234": false, "W92200123": false,
		"W9220012345": false, "X922001234": false, "W92200123A": false, "": false,
	} {
		if got := domain.ValidRNA(id); got != want {
			t.Errorf("ValidRNA(%q) = %v", id, got)
		}
	}
}

func TestCompactIdentifier(t *testing.T) {
	if got := domain.CompactIdentifier(" 732 829 320 00074 "); got != "73282932000074" {
		t.Errorf("got %q", got)
	}
	if got := domain.CompactIdentifier("w92-200.1234"); got != "W922001234" {
		t.Errorf("got %q", got)
	}
}

func TestValidESUSAgreement(t *testing.T) {
	now := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for on, want := range map[time.Time]bool{
		time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC):   true,
		time.Date(2021, 11, 27, 0, 0, 0, 0, time.UTC): true,
		time.Date(2021, 11, 26, 0, 0, 0, 0, time.UTC): false, // five years have passed
		time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC):   false, // before the law
		time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC):   false, // in the future
	} {
		if got := domain.ValidESUSAgreement(on, now); got != want {
			t.Errorf("agreement of %s: %v", on.Format(time.DateOnly), got)
		}
	}
}

func FuzzValidSIRET(f *testing.F) {
	for _, s := range []string{"73282932000074", "35600000049837", "356000000", "W922001234", "", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		siret := domain.ValidSIRET(s)
		if siret && (len(s) != 14 || s[:9] != "356000000" && !domain.ValidSIREN(s[:9])) {
			t.Fatalf("ValidSIRET(%q) accepted a malformed identifier", s)
		}
		if domain.ValidSIREN(s) && len(s) != 9 {
			t.Fatalf("ValidSIREN(%q)", s)
		}
		if domain.ValidRNA(s) && (len(s) != 10 || s[0] != 'W') {
			t.Fatalf("ValidRNA(%q)", s)
		}
		c := domain.CompactIdentifier(s)
		if domain.CompactIdentifier(c) != c {
			t.Fatalf("CompactIdentifier is not idempotent on %q", s)
		}
	})
}
