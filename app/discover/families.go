// Package discover holds what the discovery pages say of each family of
// métiers en tension: its ROME jobs grouped under their family head, and
// the diplomas that lead to them. The jobs come from the embedded ROME
// repertory; the diplomas are national diplomas, named as the Ministry names
// them (their level is explained by the catalog's discover.level.<Level>).
package discover

import (
	"cmp"
	"slices"
	"strings"

	"passerelle/app/refdata"
)

// Path is a diploma leading to the family's trades.
type Path struct {
	Level   string // cap, bacpro, bp, de, tp, bts, but
	Diploma string
}

// Family is a family of métiers en tension as the discovery pages show it.
type Family struct {
	Slug  string // in the page's address
	Key   string // refdata's family key, also a youth's interest
	Paths []Path
}

var families = []Family{
	{Slug: "petite-enfance", Key: refdata.FamilyEarlyChildhood, Paths: []Path{
		{"cap", "CAP Accompagnant éducatif petite enfance (AEPE)"},
		{"bacpro", "Bac pro Accompagnement, soins et services à la personne (ASSP)"},
		{"de", "Diplôme d'État d'auxiliaire de puériculture (DEAP)"},
		{"de", "Diplôme d'État d'éducateur de jeunes enfants (DEEJE)"},
	}},
	{Slug: "informatique", Key: refdata.FamilyComputing, Paths: []Path{
		{"bacpro", "Bac pro Cybersécurité, informatique et réseaux, électronique (CIEL)"},
		{"tp", "Titre professionnel Technicien d'assistance informatique"},
		{"bts", "BTS Services informatiques aux organisations (SIO)"},
		{"bts", "BTS Cybersécurité, informatique et réseaux, électronique (CIEL)"},
		{"tp", "Titre professionnel Développeur web et web mobile"},
		{"but", "BUT Informatique"},
		{"but", "BUT Réseaux et télécommunications"},
	}},
	{Slug: "metiers-de-bouche", Key: refdata.FamilyFood, Paths: []Path{
		{"cap", "CAP Boulanger"},
		{"cap", "CAP Pâtissier"},
		{"cap", "CAP Boucher"},
		{"cap", "CAP Cuisine"},
		{"cap", "CAP Chocolatier-confiseur"},
		{"bacpro", "Bac pro Boulanger-pâtissier"},
		{"bacpro", "Bac pro Boucher charcutier traiteur"},
		{"bacpro", "Bac pro Cuisine"},
		{"bp", "BP Boulanger"},
		{"bts", "BTS Management en hôtellerie-restauration (MHR)"},
	}},
}

// Families returns the families of métiers en tension, in the programme's order.
func Families() []Family { return slices.Clone(families) }

// BySlug returns the family of a page address.
func BySlug(slug string) (Family, bool) {
	i := slices.IndexFunc(families, func(f Family) bool { return f.Slug == slug })
	if i < 0 {
		return Family{}, false
	}
	return families[i], true
}

// ByKey returns the family of a refdata family key (a youth's interest).
func ByKey(key string) (Family, bool) {
	i := slices.IndexFunc(families, func(f Family) bool { return f.Key == key })
	if i < 0 {
		return Family{}, false
	}
	return families[i], true
}

// JobGroup is a family head of the ROME and the jobs under it.
type JobGroup struct {
	Head refdata.Job
	Jobs []refdata.Job // the head's relatives, the head excluded
}

// Groups returns the family's ROME jobs under their heads, in code order.
func (f Family) Groups() []JobGroup {
	var groups []JobGroup
	for _, job := range refdata.FamilyJobs(f.Key) {
		i := slices.IndexFunc(groups, func(g JobGroup) bool { return g.Head.Code == job.ParentCode })
		if i < 0 {
			head, _ := refdata.JobByCode(job.ParentCode)
			groups, i = append(groups, JobGroup{Head: head}), len(groups)
		}
		if job.Code != job.ParentCode {
			groups[i].Jobs = append(groups[i].Jobs, job)
		}
	}
	slices.SortFunc(groups, func(a, b JobGroup) int { return strings.Compare(a.Head.Code, b.Head.Code) })
	return groups
}

// Lycee is a lycée with its distance from the youth's commune, if known.
type Lycee struct {
	refdata.School
	DistanceKm float64
}

// VocationalLycees returns the lycées of the 92 with a vocational track or
// apprenticeship sections: the embedded school list says no more (not which
// speciality each one prepares), and the pages say so. From a commune, the
// nearest n come first; otherwise all of them, by commune.
func VocationalLycees(from *refdata.Commune, n int) []Lycee {
	var found []Lycee
	for _, s := range refdata.Lycees() {
		if s.HasTrack(refdata.TrackVocational) || s.HasTrack(refdata.TrackApprenticeship) {
			found = append(found, Lycee{School: s})
		}
	}
	if from == nil {
		slices.SortStableFunc(found, func(a, b Lycee) int { return strings.Compare(communeName(a), communeName(b)) })
		return found
	}
	for i := range found {
		found[i].DistanceKm = refdata.DistanceKm(from.Lat, from.Lng, found[i].Lat, found[i].Lng)
	}
	slices.SortFunc(found, func(a, b Lycee) int { return cmp.Compare(a.DistanceKm, b.DistanceKm) })
	return found[:min(n, len(found))]
}

func communeName(l Lycee) string {
	c, _ := refdata.CommuneByCode(l.CommuneCode)
	return c.Name
}
