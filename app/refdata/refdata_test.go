package refdata

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"testing"
)

// rowsIn counts the data rows of a shipped file by reading it from disk, so
// that the embedded parse is checked against an independent reading.
func rowsIn(t *testing.T, name string, sep rune) int {
	t.Helper()
	f, err := os.Open("data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = sep
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return len(rows) - 1
}

func TestEverythingLoads(t *testing.T) {
	content, err := os.ReadFile("data/communes-92.json")
	if err != nil {
		t.Fatal(err)
	}
	var communes []json.RawMessage
	if err := json.Unmarshal(content, &communes); err != nil {
		t.Fatal(err)
	}
	subdomains := 0
	for _, job := range Jobs() {
		subdomains += len(job.Subdomains)
	}
	counts := []struct {
		what      string
		got, want int
	}{
		{"communes", len(Communes()), len(communes)},
		{"town halls", len(Communes()), rowsIn(t, "communes-coordinates.csv", ',')},
		{"lycées", len(Lycees()), rowsIn(t, "lycees-92.csv", ',')},
		{"collèges", len(Colleges()), rowsIn(t, "colleges-92.csv", ',')},
		{"ROME jobs", len(Jobs()), rowsIn(t, "rome-v460.csv", ',')},
		{"ROME sub-domains", subdomains, rowsIn(t, "rome-subdomains.csv", ';')},
	}
	for _, c := range counts {
		if c.got != c.want || c.got == 0 {
			t.Errorf("%s: loaded %d, file has %d", c.what, c.got, c.want)
		}
	}
}

func TestEveryUAIInTheFilesIsValid(t *testing.T) {
	for _, name := range []string{"lycees-92.csv", "colleges-92.csv"} {
		f, err := os.Open("data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[1:] {
			if !ValidUAI(row[0]) {
				t.Errorf("%s: UAI %q fails the check letter", name, row[0])
			}
		}
	}
}
