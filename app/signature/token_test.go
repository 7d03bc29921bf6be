package signature

import (
	"strings"
	"testing"
)

func TestParseToken(t *testing.T) {
	good := newToken("sig-ABCdef123", 3)
	if got, err := ParseToken(good.String()); err != nil || got != good {
		t.Fatalf("a link's own token: %+v, %v", got, err)
	}
	secret := strings.Repeat("a", 64)
	for _, bad := range []string{"", "sig.0", "sig.0." + secret[1:], "sig.00." + secret, "sig.-1." + secret,
		"sig.100." + secret, "sig.1." + strings.ToUpper(secret), "s/g.1." + secret, ".1." + secret,
		"sig.1." + secret + ".x", "sig.+1." + secret} {
		if _, err := ParseToken(bad); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestParseCode(t *testing.T) {
	for raw, want := range map[string]string{"123456": "123456", " 123 456 ": "123456", "000\u00a0001": "000001"} {
		if got, err := ParseCode(raw); err != nil || got != want {
			t.Errorf("%q: %q, %v", raw, got, err)
		}
	}
	for _, bad := range []string{"", "12345", "1234567", "12345a", "１２３４５６", strings.Repeat(" ", 40) + "123456"} {
		if _, err := ParseCode(bad); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	if c := newCode(); len(c) != 6 {
		t.Errorf("new code %q", c)
	}
}

// FuzzParseToken: whatever comes in a link, the parser answers without
// panicking, and what it accepts prints back to the same text.
func FuzzParseToken(f *testing.F) {
	f.Add(newToken("sig-x", 0).String())
	f.Add("sig.1." + strings.Repeat("0", 64))
	f.Add("..")
	f.Fuzz(func(t *testing.T, raw string) {
		tok, err := ParseToken(raw)
		if err == nil && tok.String() != raw {
			t.Fatalf("%q parsed as %+v", raw, tok)
		}
	})
}

// FuzzParseCode: an accepted code is always six ASCII digits.
func FuzzParseCode(f *testing.F) {
	f.Add("123 456")
	f.Add("")
	f.Fuzz(func(t *testing.T, raw string) {
		code, err := ParseCode(raw)
		if err != nil {
			return
		}
		if len(code) != 6 || strings.Trim(code, "0123456789") != "" {
			t.Fatalf("%q accepted as %q", raw, code)
		}
	})
}
