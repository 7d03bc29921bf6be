package refdata

import (
	"slices"
	"strings"
)

// SchoolKind tells a lycée from a collège.
type SchoolKind string

const (
	KindLycee   SchoolKind = "lycee"
	KindCollege SchoolKind = "college"
)

// Tracks a lycée may offer.
const (
	TrackGeneral        = "general"
	TrackTechnological  = "technological"
	TrackVocational     = "vocational"
	TrackApprenticeship = "apprenticeship"
)

// School is a lycée or a priority-education collège of the Hauts-de-Seine.
type School struct {
	UAI         string     `json:"uai"`
	Name        string     `json:"name"`
	Kind        SchoolKind `json:"kind"`
	Sector      string     `json:"sector"` // Public or Privé
	CommuneCode string     `json:"commune_code"`
	PostalCode  string     `json:"postal_code"`
	Tracks      []string   `json:"tracks,omitempty"`
	Priority    string     `json:"priority,omitempty"` // REP, REP+, QPV or ""
	Pupils      int        `json:"pupils,omitempty"`   // 0 when unknown
	Lat         float64    `json:"lat"`
	Lng         float64    `json:"lng"`
}

// Lycees returns every lycée of the département.
func Lycees() []School { return schoolsOfKind(KindLycee) }

// Colleges returns the collèges of the département in priority education.
func Colleges() []School { return schoolsOfKind(KindCollege) }

func schoolsOfKind(kind SchoolKind) []School {
	var found []School
	for _, s := range loaded().schools {
		if s.Kind == kind {
			found = append(found, s)
		}
	}
	return found
}

// SchoolByUAI returns the school with the given UAI (case-insensitive).
func SchoolByUAI(uai string) (School, bool) {
	t := loaded()
	return lookup(t.schools, t.schoolByUAI, strings.ToUpper(strings.TrimSpace(uai)))
}

// SearchSchools returns up to limit schools (all when limit <= 0) whose UAI
// starts with q or whose name and commune have words starting with q's words,
// ignoring case and accents.
func SearchSchools(q string, limit int) []School {
	t := loaded()
	uai := strings.ToUpper(strings.TrimSpace(q))
	query := words(q)
	return firstMatches(t.schools, func(i int) bool {
		return uai != "" && (strings.HasPrefix(t.schools[i].UAI, uai) || matchWords(t.schoolWords[i], query))
	}, limit)
}

// HasTrack reports whether the school offers track.
func (s School) HasTrack(track string) bool { return slices.Contains(s.Tracks, track) }
