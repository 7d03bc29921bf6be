package main

import (
	"strings"
	"testing"
)

// The jobs of issue #7 are registered and run from the command line; the
// retention job's dry run reports each retention period's count.
func TestEmployerClosingAndRetentionJobsRunDry(t *testing.T) {
	for job, want := range map[string]string{
		"employer_digest":  "rien de nouveau pour les employeurs",
		"progress_closing": "aucun appel à clore",
		"retention":        "à blanc, seraient : 0 CV supprimés, 0 messages de candidatures supprimés, 0 comptes inactifs prévenus, 0 anonymisés, 0 contenus d'e-mails supprimés",
	} {
		if code, out, stderr, _ := runCLI(t, validConfig, "jobs", "run", job, "--dry-run"); code != 0 || !strings.Contains(out, want) {
			t.Errorf("jobs run %s --dry-run: %d %q %q", job, code, out, stderr)
		}
	}
}
