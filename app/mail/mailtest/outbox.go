package mailtest

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// ReadOutbox parses every .eml file of an outbox folder, oldest first, and
// fails the test on a file that is not a valid message.
func ReadOutbox(t testing.TB, dir string) []Received {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
	if err != nil {
		t.Fatalf("mailtest: list outbox: %v", err)
	}
	sort.Strings(files) // outbox names start with their UTC time
	messages := make([]Received, 0, len(files))
	for _, file := range files {
		messages = append(messages, readFile(t, file))
	}
	return messages
}

func readFile(t testing.TB, file string) Received {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("mailtest: read %s: %v", file, err)
	}
	r, err := Parse(raw)
	if err != nil {
		t.Fatalf("mailtest: parse %s: %v", file, err)
	}
	r.File = file
	return r
}
