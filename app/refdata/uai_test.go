package refdata

import (
	"fmt"
	"testing"
)

func TestValidUAI(t *testing.T) {
	cases := map[string]bool{
		"0921589C":  true,
		"0920144G":  true,
		"0000000A":  true, // 0 mod 23
		"0000022Z":  true, // 22 mod 23, the last letter
		"0921589D":  false,
		"0921589c":  false,
		"092158C":   false,
		"09215890":  false,
		"A921589C":  false,
		"0921589CC": false,
		"":          false,
		"0000023I":  false, // I, O and Q are never check letters
	}
	for uai, want := range cases {
		if got := ValidUAI(uai); got != want {
			t.Errorf("ValidUAI(%q) = %v, want %v", uai, got, want)
		}
	}
}

// Every 7-digit number has exactly one check letter.
func FuzzUAICheckLetterIsUnique(f *testing.F) {
	for _, seed := range []uint32{0, 921589, 9999999, 23, 22} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, n uint32) {
		number := fmt.Sprintf("%07d", n%10_000_000)
		valid := 0
		for letter := 'A'; letter <= 'Z'; letter++ {
			if ValidUAI(number + string(letter)) {
				valid++
			}
		}
		if valid != 1 {
			t.Errorf("%s has %d valid check letters", number, valid)
		}
	})
}

// ValidUAI never panics, and accepts only 7 digits followed by an upper-case letter.
func FuzzValidUAI(f *testing.F) {
	for _, seed := range []string{"0921589C", "", "ééééééé", "0921589\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !ValidUAI(s) {
			return
		}
		if len(s) != 8 || s[7] < 'A' || s[7] > 'Z' {
			t.Errorf("ValidUAI(%q) accepted a malformed UAI", s)
		}
		for _, c := range s[:7] {
			if c < '0' || c > '9' {
				t.Errorf("ValidUAI(%q) accepted a non-digit", s)
			}
		}
	})
}
