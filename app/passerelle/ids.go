package passerelle

import "crypto/rand"

// randomID returns an unguessable id with a readable prefix.
func randomID(prefix string) string { return prefix + "-" + rand.Text()[:16] }
