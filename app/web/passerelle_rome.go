package web

import (
	"strings"

	"passerelle/app/refdata"
)

// romeSeparator joins a code and its label in the job suggestions of the
// offer form ("K1303 — Assistance auprès d'enfants").
const romeSeparator = " — "

// romeChoice is how the offer form suggests a job.
func romeChoice(j refdata.Job) string { return j.Code + romeSeparator + j.Label }

// romeCodesFrom reads the offer form's job field: codes separated by commas,
// semicolons or spaces, or a chosen suggestion "code — label", or a job's
// exact label. What does not resolve stays as typed, for the service to
// refuse next to the field.
func romeCodesFrom(field string) []string {
	var codes []string
	for _, part := range strings.FieldsFunc(field, func(c rune) bool { return c == ',' || c == ';' }) {
		codes = append(codes, romeCodesOf(strings.TrimSpace(part))...)
	}
	return codes
}

func romeCodesOf(part string) []string {
	if code, _, chosen := strings.Cut(part, strings.TrimSpace(romeSeparator)); chosen {
		return []string{strings.TrimSpace(code)}
	}
	if code, ok := jobByLabel(part); ok {
		return []string{code}
	}
	return strings.Fields(part)
}

func jobByLabel(label string) (string, bool) {
	want := refdata.Fold(strings.TrimSpace(label))
	for _, j := range refdata.SearchJobs(label, 0) {
		if refdata.Fold(j.Label) == want {
			return j.Code, true
		}
	}
	return "", false
}
