package refdata

import (
	"fmt"
	"strings"
)

func (t *tables) loadSchools() {
	for _, r := range mustReadCSV("lycees-92.csv", ',', "uai", "name", "sector", "postal_code", "commune_code",
		"general", "technological", "vocational", "apprenticeship", "education_prioritaire", "pupils", "lat", "lon") {
		t.schools = append(t.schools, lyceeFrom(r))
	}
	for _, r := range mustReadCSV("colleges-92.csv", ',', "uai", "name", "commune", "postal_code", "kind", "lat", "lon") {
		t.schools = append(t.schools, t.collegeFrom(r))
	}
	t.schoolByUAI = indexBy(t.schools, func(s School) string { return s.UAI })
	for _, s := range t.schools {
		if !ValidUAI(s.UAI) {
			panic(fmt.Sprintf("refdata: school %q has an invalid UAI %q", s.Name, s.UAI))
		}
		commune, _ := lookup(t.communes, t.communeByCode, s.CommuneCode)
		t.schoolWords = append(t.schoolWords, words(s.Name+" "+commune.Name))
	}
}

func lyceeFrom(r record) School {
	s := School{
		UAI: r.text("uai"), Name: r.text("name"), Kind: KindLycee, Sector: r.text("sector"),
		CommuneCode: r.text("commune_code"), PostalCode: r.text("postal_code"),
		Priority: priorityLabel(r.text("education_prioritaire")), Pupils: r.count("pupils"),
		Lat: r.float("lat"), Lng: r.float("lon"),
	}
	for _, track := range []string{TrackGeneral, TrackTechnological, TrackVocational, TrackApprenticeship} {
		if r.flag(track) {
			s.Tracks = append(s.Tracks, track)
		}
	}
	return s
}

// collegeFrom reads a collège; the file names its commune, not its INSEE code.
// Education prioritaire concerns public schools only, hence the sector.
func (t *tables) collegeFrom(r record) School {
	commune, ok := t.communeByName(r.text("commune"))
	if !ok {
		r.fail("commune", "unknown commune")
	}
	priority := priorityLabel(r.text("kind"))
	if priority == "" {
		r.fail("kind", "unknown priority-education kind")
	}
	return School{
		UAI: r.text("uai"), Name: "Collège " + r.text("name"), Kind: KindCollege, Sector: "Public",
		CommuneCode: commune.Code, PostalCode: r.text("postal_code"), Priority: priority,
		Lat: r.float("lat"), Lng: r.float("lon"),
	}
}

// priorityLabel turns the files' priority-education values into REP, REP+ or QPV.
func priorityLabel(value string) string {
	switch strings.ToLower(strings.ReplaceAll(value, " ", "")) {
	case "rep_plus", "rep+":
		return "REP+"
	case "rep":
		return "REP"
	case "qpv":
		return "QPV"
	}
	return ""
}
