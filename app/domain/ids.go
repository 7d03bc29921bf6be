package domain

import "crypto/rand"

// NewID returns an unguessable identifier: prefix, a dash and 16 random
// characters (80 bits), or the characters alone when prefix is empty.
func NewID(prefix string) string {
	random := rand.Text()[:16]
	if prefix == "" {
		return random
	}
	return prefix + "-" + random
}
