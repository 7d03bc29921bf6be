// Package account holds people, their credentials and their roles.
package account

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2 are the argon2id cost parameters, from configuration.
type Argon2 struct {
	Time      uint32
	MemoryKiB uint32
	Threads   uint8
}

const (
	saltLen = 16
	keyLen  = 32
)

// sane bounds the parameters read from a stored hash, the same as config does.
func (p Argon2) sane() bool {
	return p.Time >= 1 && p.Time <= 100 && p.MemoryKiB >= 8 && p.MemoryKiB <= 4<<20 && p.Threads >= 1
}

var errMalformedHash = errors.New("malformed password hash")

// HashPassword returns an argon2id hash in the PHC string format, which keeps
// its parameters so that they can change without invalidating old hashes.
func (p Argon2) HashPassword(password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, keyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.MemoryKiB, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var b64 = base64.RawStdEncoding

// VerifyPassword reports whether password matches the PHC-encoded hash.
func VerifyPassword(hash, password string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errMalformedHash
	}
	var p Argon2
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil || !p.sane() {
		return false, errMalformedHash
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, errMalformedHash
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, errMalformedHash
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// NewPassword returns a random password of 26 characters (130 bits).
func NewPassword() string { return rand.Text() }
