package config

import "fmt"

func unknownSection(name string) string {
	return fmt.Sprintf("section inconnue [%s]%s", name, suggest(name, sectionNames()))
}

func unknownKey(section, key string) string {
	switch {
	case sectionKeys[section] == nil:
		return fmt.Sprintf("clé inconnue [%s] %s : %s", section, key, unknownSection(section))
	case key == "":
		return fmt.Sprintf("clé manquante après [%s], par ex. PASSERELLE_SERVER_PORT", section)
	}
	return fmt.Sprintf("clé inconnue [%s] %s%s", section, key, suggest(key, sectionKeys[section]))
}

func sectionNames() []string {
	var names []string
	for _, f := range fields {
		if len(names) == 0 || names[len(names)-1] != f.section {
			names = append(names, f.section)
		}
	}
	return names
}

// suggest proposes the known name closest to a mistyped one, if any is
// within two edits.
func suggest(name string, known []string) string {
	best, bestDistance := "", 3
	for _, k := range known {
		if d := editDistance(name, k); d < bestDistance {
			best, bestDistance = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (vouliez-vous dire %s ?)", best)
}

// editDistance is the Levenshtein distance between two strings, in bytes.
func editDistance(a, b string) int {
	previous := make([]int, len(b)+1)
	for j := range previous {
		previous[j] = j
	}
	for i := range len(a) {
		current := make([]int, len(b)+1)
		current[0] = i + 1
		for j := range len(b) {
			cost := 1
			if a[i] == b[j] {
				cost = 0
			}
			current[j+1] = min(previous[j+1]+1, current[j]+1, previous[j]+cost)
		}
		previous = current
	}
	return previous[len(b)]
}
