package domain

import (
	"encoding/json"
	"time"
)

// GrantVersion is the content of a file as submitted, kept at each
// submission so that staff see what an answer to a request changed.
type GrantVersion struct {
	ID          string       `bson:"_id" json:"id"` // grant ID + ":" + version
	GrantID     string       `bson:"grant_id" json:"grant_id"`
	Version     int          `bson:"version" json:"version"`
	Content     GrantContent `bson:"content" json:"content"`
	Attachments []Attachment `bson:"attachments" json:"attachments"`
	SubmittedBy string       `bson:"submitted_by" json:"submitted_by"`
	SubmittedAt time.Time    `bson:"submitted_at" json:"submitted_at"`
}

// Change is one field that differs between two versions, named by its
// JSON path (e.g. "project.title", "budget.expenses"): pages show the field's
// value in each version as they show the file, not its JSON.
type Change struct {
	Field string
}

// Diff lists the fields that changed from one content to the next.
func Diff(before, after GrantContent) []Change {
	a, b := flatten(before), flatten(after)
	var changes []Change
	for _, field := range diffOrder {
		if a[field] != b[field] {
			changes = append(changes, Change{Field: field})
		}
	}
	return changes
}

// diffOrder lists compared fields in the order of the form.
var diffOrder = []string{
	"identity.name", "identity.kind", "identity.rna", "identity.siret", "identity.commune_code",
	"identity.address", "identity.contact_name", "identity.contact_email", "identity.contact_phone",
	"project.title", "project.summary", "project.description", "project.publics", "project.communes",
	"project.axes", "project.starts_on", "project.ends_on", "project.indicators",
	"budget.expenses", "budget.resources",
}

// flatten renders each second-level field as compact JSON, to compare them.
func flatten(c GrantContent) map[string]string {
	var sections map[string]map[string]json.RawMessage
	raw, _ := json.Marshal(c) // plain structs: cannot fail
	_ = json.Unmarshal(raw, &sections)
	flat := map[string]string{}
	for name, fields := range sections {
		for field, value := range fields {
			flat[name+"."+field] = string(value)
		}
	}
	return flat
}
