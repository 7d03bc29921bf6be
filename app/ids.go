package main

import "crypto/rand"

// randomID returns an unguessable identifier suffix.
func randomID() string { return rand.Text()[:16] }
