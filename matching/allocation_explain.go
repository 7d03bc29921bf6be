package matching

import (
	"fmt"
	"strings"
)

// explainGroup says, in French, which wish the group got and why the
// better ones were missed: "vœu n°2 obtenu ; vœu n°1 complet".
func explainGroup(g Group, r GroupResult) string {
	var parts []string
	switch {
	case len(g.Wishes) == 0:
		parts = append(parts, "aucun vœu formulé")
	case r.Wish == 0:
		parts = append(parts, "aucun vœu obtenu")
	default:
		parts = append(parts, fmt.Sprintf("vœu n°%d obtenu", r.Wish))
	}
	for i, m := range r.Missed {
		parts = append(parts, fmt.Sprintf("vœu n°%d%s", i+1, missText(m.Reason, g.Size)))
	}
	if g.Priority && r.Wish > 0 {
		parts = append(parts, "établissement de l'éducation prioritaire (REP, REP+, QPV) : appel et places prioritaires")
	}
	return strings.Join(parts, " ; ")
}

// missText follows "vœu n°1".
func missText(reason MissReason, size int) string {
	switch reason {
	case MissFull:
		return fmt.Sprintf(" complet (plus de place pour %d élèves)", size)
	case MissReserved:
		return " : places restantes réservées aux établissements REP, REP+ et QPV"
	case MissSize:
		return fmt.Sprintf(" : la session n'accueille pas de groupe de %d élèves", size)
	}
	return " : session introuvable"
}
