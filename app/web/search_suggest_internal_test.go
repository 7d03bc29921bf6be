package web

import (
	"encoding/json"
	"slices"
	"testing"
)

// The kinds of suggestion the handler takes are those openapi.json lists:
// adding one to the code without documenting it fails here.
func TestSuggestKindsAreDocumented(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name   string `json:"name"`
				Schema struct {
					Enum []string `json:"enum"`
				} `json:"schema"`
			} `json:"parameters"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	var documented []string
	for _, p := range doc.Paths["/api/v1/suggest"]["get"].Parameters {
		if p.Name == "kind" {
			documented = p.Schema.Enum
		}
	}
	if !slices.Equal(documented, suggestKinds) {
		t.Errorf("openapi.json documents kind %v, the handler takes %v", documented, suggestKinds)
	}
}
