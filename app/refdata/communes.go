package refdata

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Commune is a commune of the Hauts-de-Seine with its town hall's position.
type Commune struct {
	Code        string   `json:"code"` // INSEE code
	Name        string   `json:"name"`
	PostalCodes []string `json:"postal_codes"`
	Population  int      `json:"population"`
	SIREN       string   `json:"siren"`
	EPT         string   `json:"ept"` // établissement public territorial
	Lat         float64  `json:"lat"`
	Lng         float64  `json:"lng"`
}

// Communes returns the 36 communes of the département, by INSEE code.
func Communes() []Commune {
	return slices.Clone(loaded().communes)
}

// CommuneByCode returns the commune with INSEE code code.
func CommuneByCode(code string) (Commune, bool) {
	t := loaded()
	return lookup(t.communes, t.communeByCode, strings.TrimSpace(code))
}

// SearchCommunes returns up to limit communes (all when limit <= 0) whose
// postal code starts with prefix or whose name has words starting with the
// prefix's words, ignoring case and accents.
func SearchCommunes(prefix string, limit int) []Commune {
	t := loaded()
	prefix = strings.TrimSpace(prefix)
	query := words(prefix)
	return firstMatches(t.communes, func(i int) bool {
		return prefix != "" && (anyHasPrefix(t.communes[i].PostalCodes, prefix) ||
			matchWords(t.communeWords[i], query))
	}, limit)
}

// CommuneByName returns the commune named name, ignoring case and accents.
func CommuneByName(name string) (Commune, bool) { return loaded().communeByName(name) }

// communeByName finds a commune by its name, ignoring case and accents.
func (t *tables) communeByName(name string) (Commune, bool) {
	for _, c := range t.communes {
		if Fold(c.Name) == Fold(strings.TrimSpace(name)) {
			return c, true
		}
	}
	return Commune{}, false
}

func (t *tables) loadCommunes() {
	content, err := files.ReadFile("data/communes-92.json")
	if err == nil {
		err = json.Unmarshal(content, &t.communes)
	}
	if err != nil {
		panic(fmt.Sprintf("refdata: communes-92.json: %v", err))
	}
	t.communeByCode = indexBy(t.communes, func(c Commune) string { return c.Code })
	for i, c := range t.communes {
		t.communeWords = append(t.communeWords, words(c.Name))
		t.communes[i].PostalCodes = slices.Clip(c.PostalCodes)
	}
	t.loadTownHalls()
}

// loadTownHalls sets each commune's coordinates; every commune must have some.
func (t *tables) loadTownHalls() {
	located := 0
	for _, r := range mustReadCSV("communes-coordinates.csv", ',', "code", "lat", "lng") {
		i, ok := t.communeByCode[r.text("code")]
		if !ok {
			r.fail("code", "unknown commune")
		}
		t.communes[i].Lat, t.communes[i].Lng = r.float("lat"), r.float("lng")
		located++
	}
	if located != len(t.communes) {
		panic(fmt.Sprintf("refdata: %d communes but %d town halls", len(t.communes), located))
	}
}
