package refdata

import (
	"slices"
	"strings"
)

// Job is a ROME v4.60 job (fiche métier).
type Job struct {
	Code       string   `json:"code"`
	Label      string   `json:"label"`
	ParentCode string   `json:"parent_code"` // the family head; a head is its own parent
	Ecological string   `json:"ecological"`  // ecological-transition category, e.g. "Emploi Vert"
	Digital    bool     `json:"digital"`     // concerned by the digital transition
	Regulated  bool     `json:"regulated"`
	Executive  bool     `json:"executive"` // emploi cadre
	Subdomains []string `json:"subdomains,omitempty"`
}

// Jobs returns every ROME job, by code.
func Jobs() []Job { return slices.Clone(loaded().jobs) }

// JobByCode returns the ROME job with the given code (case-insensitive).
func JobByCode(code string) (Job, bool) {
	t := loaded()
	return lookup(t.jobs, t.jobByCode, strings.ToUpper(strings.TrimSpace(code)))
}

// SearchJobs returns up to limit jobs (all when limit <= 0) whose code starts
// with q or whose label has words starting with q's words, ignoring case and
// accents.
func SearchJobs(q string, limit int) []Job {
	t := loaded()
	code := strings.ToUpper(strings.TrimSpace(q))
	query := words(q)
	return firstMatches(t.jobs, func(i int) bool {
		return code != "" && (strings.HasPrefix(t.jobs[i].Code, code) || matchWords(t.jobWords[i], query))
	}, limit)
}

// Subdomain returns the first business sub-domain of a ROME code; about a
// third of the codes have one.
func Subdomain(code string) (string, bool) {
	job, ok := JobByCode(code)
	if !ok || len(job.Subdomains) == 0 {
		return "", false
	}
	return job.Subdomains[0], true
}

func (t *tables) loadJobs() {
	for _, r := range mustReadCSV("rome-v460.csv", ',', "code_rome", "libelle_rome", "code_rome_parent",
		"transition_eco", "transition_num", "emploi_reglemente", "emploi_cadre") {
		t.jobs = append(t.jobs, Job{
			Code: r.text("code_rome"), Label: r.text("libelle_rome"), ParentCode: r.text("code_rome_parent"),
			Ecological: r.text("transition_eco"), Digital: r.flag("transition_num"),
			Regulated: r.flag("emploi_reglemente"), Executive: r.flag("emploi_cadre"),
		})
		t.jobWords = append(t.jobWords, words(r.text("libelle_rome")))
	}
	t.jobByCode = indexBy(t.jobs, func(j Job) string { return j.Code })
	for _, r := range mustReadCSV("rome-subdomains.csv", ';', "code", "sousDomaine") {
		i, ok := t.jobByCode[r.text("code")]
		if !ok {
			r.fail("code", "unknown ROME code")
		}
		t.jobs[i].Subdomains = append(t.jobs[i].Subdomains, r.text("sousDomaine"))
	}
}
