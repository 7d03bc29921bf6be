package domain

import "time"

// Money is an amount in euro cents.
type Money int64

// Euros returns a Money of whole euros.
func Euros(n int64) Money { return Money(n * 100) }

// Criterion is a weighted scoring criterion of a call.
type Criterion struct {
	Key    string `bson:"key" json:"key"`
	Label  string `bson:"label" json:"label"`
	Weight int    `bson:"weight" json:"weight"`
}

// Call is an edition of the PROGR'ESS call for projects.
type Call struct {
	ID        string      `bson:"_id" json:"id"`
	Title     string      `bson:"title" json:"title"`
	Theme     string      `bson:"theme" json:"theme"`
	Rules     string      `bson:"rules" json:"rules"`
	Budget    Money       `bson:"budget" json:"budget"`
	MaxAward  Money       `bson:"max_award" json:"max_award"`
	Committed Money       `bson:"committed" json:"committed"`
	OpensAt   time.Time   `bson:"opens_at" json:"opens_at"`
	ClosesAt  time.Time   `bson:"closes_at" json:"closes_at"`
	Criteria  []Criterion `bson:"criteria" json:"criteria"`
	Axes      []string    `bson:"axes" json:"axes"`
	CreatedAt time.Time   `bson:"created_at" json:"created_at"`
}

// IsOpen reports whether applications may be submitted at instant now.
func (c *Call) IsOpen(now time.Time) bool {
	return !now.Before(c.OpensAt) && now.Before(c.ClosesAt)
}
