package domain

// YouthDiscovery records that a tension family's discovery page went, or
// is going, into a youth's weekly digest: each family goes once per youth,
// ever. Digest is the key of the digest notification that claimed it;
// Confirmed is set once that notification is queued.
type YouthDiscovery struct {
	ID        string `bson:"_id"` // youth id + "/" + family
	YouthID   string `bson:"youth_id"`
	Family    string `bson:"family"`
	Digest    string `bson:"digest"`
	Confirmed bool   `bson:"confirmed"`
}
