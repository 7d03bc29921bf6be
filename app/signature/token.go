package signature

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"passerelle/app/domain"
)

// A party's link carries the request's ID, the party's index and a random
// secret of 256 bits: the ID and index find the request in one lookup by
// _id (the only one the embedded database pushes down), the secret proves
// the link. Only the secret's hash is stored.

const (
	secretLen = 64 // hex digits of 32 random bytes
	maxIDLen  = 64
	maxParty  = 99
)

// Token is a parsed link.
type Token struct {
	RequestID string
	Party     int
	Secret    string
}

func (t Token) String() string { return t.RequestID + "." + strconv.Itoa(t.Party) + "." + t.Secret }

func newToken(requestID string, party int) Token {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return Token{RequestID: requestID, Party: party, Secret: hex.EncodeToString(b)}
}

// ParseToken reads a link's token; anything else than
// <request id>.<party>.<64 hex digits> is refused.
func ParseToken(raw string) (Token, error) {
	id, rest, ok1 := strings.Cut(raw, ".")
	party, secret, ok2 := strings.Cut(rest, ".")
	if !ok1 || !ok2 || !validID(id) || len(party) == 0 || len(party) > 2 || len(secret) != secretLen || !isHex(secret) {
		return Token{}, errInvalidLink
	}
	n, err := strconv.Atoi(party)
	if err != nil || n < 0 || n > maxParty || strconv.Itoa(n) != party {
		return Token{}, errInvalidLink
	}
	return Token{RequestID: id, Party: n, Secret: secret}, nil
}

func validID(id string) bool {
	if id == "" || len(id) > maxIDLen {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func isHex(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

// hashOf is the stored form of a secret.
func hashOf(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])
}

// sameHash compares hashes in constant time.
func sameHash(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// newCode returns a one-time code of six digits.
func newCode() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000)) // crypto/rand never fails on supported platforms
	return fmt.Sprintf("%06d", n.Int64())
}

// ParseCode reads a code as typed: six digits, spaces allowed between them
// (« 123 456 »); anything else is refused next to the field.
func ParseCode(raw string) (string, error) {
	if len(raw) > 32 {
		return "", codeError
	}
	code := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\t' {
			return -1
		}
		return r
	}, raw)
	if len(code) != 6 {
		return "", codeError
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return "", codeError
		}
	}
	return code, nil
}

var codeError = domain.FieldError("code", "error.signature.code_format")
