package domain

import (
	"strconv"
	"strings"
	"time"
)

// MaxSavedSearches is how many searches a youth may keep.
const MaxSavedSearches = 10

// SavedSearch is a search of /offres a youth keeps to run again and to
// follow in their weekly digest. Query is the search's canonical query
// string, read back by the search page's own parser.
type SavedSearch struct {
	ID        string    `bson:"_id" json:"id"`
	YouthID   string    `bson:"youth_id" json:"-"`
	Name      string    `bson:"name" json:"name"`
	Query     string    `bson:"query" json:"query"`
	Digest    bool      `bson:"digest" json:"in_weekly_digest"`
	CreatedAt time.Time `bson:"created_at" json:"created_at"`
}

// SavedSearchID is the id of the youth's saved search in slot 1 to
// MaxSavedSearches: with one id per slot, the database's unique _id keeps
// the limit whatever the concurrency.
func SavedSearchID(youthID string, slot int) string {
	return youthID + "~" + strconv.Itoa(slot)
}

// IsSavedSearchOf reports whether id is one of the youth's slots, so that a
// store finds a youth's saved search by its _id alone.
func IsSavedSearchOf(youthID, id string) bool {
	slot, ok := strings.CutPrefix(id, youthID+"~")
	n, err := strconv.Atoi(slot)
	return ok && err == nil && n >= 1 && n <= MaxSavedSearches && SavedSearchID(youthID, n) == id
}
