package account

import (
	"strings"
	"testing"
)

var testCost = Argon2{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}

func TestPasswordRoundTrip(t *testing.T) {
	hash, err := testCost.HashPassword("une phrase de passe assez longue")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=8192,t=1,p=1$") {
		t.Fatalf("hash %q does not carry its parameters", hash)
	}
	for password, want := range map[string]bool{
		"une phrase de passe assez longue":  true,
		"une phrase de passe assez longue ": false,
		"":                                  false,
	} {
		ok, err := VerifyPassword(hash, password)
		if err != nil || ok != want {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", password, ok, err, want)
		}
	}
}

func TestPasswordHashesAreSalted(t *testing.T) {
	a, _ := testCost.HashPassword("même mot de passe")
	b, _ := testCost.HashPassword("même mot de passe")
	if a == b {
		t.Fatal("two hashes of one password are equal: salt missing")
	}
}

func TestVerifyRejectsMalformedHashes(t *testing.T) {
	for _, hash := range []string{"", "$argon2id$", "$bcrypt$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA",
		"$argon2id$v=19$m=8,t=1,p=1$!!$AA", "$argon2id$v=19$m=8,t=1,p=1$AA$"} {
		if _, err := VerifyPassword(hash, "x"); err == nil {
			t.Errorf("VerifyPassword accepted malformed hash %q", hash)
		}
	}
}

func FuzzVerifyPassword(f *testing.F) {
	good, _ := testCost.HashPassword("seed")
	f.Add(good, "seed")
	f.Add("$argon2id$v=19$m=8,t=1,p=1$AA$AA", "")
	f.Fuzz(func(t *testing.T, hash, password string) {
		_, _ = VerifyPassword(hash, password) // must never panic
	})
}
