package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// Load reads the configuration file at path (defaults apply when it does not
// exist), applies the PASSERELLE_<SECTION>_<KEY> variables found in environ
// (as returned by os.Environ) and validates the result. Every problem found
// is reported at once in an *Error. Load never writes anything.
func Load(path string, environ []string) (*Config, error) {
	text, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		reason := fmt.Sprintf("impossible de lire le fichier de configuration : %v", err)
		return nil, &Error{Problems: []Problem{{Message: reason}}}
	}
	return parse(path, string(text), environ)
}

// parse loads a configuration from the text of the file called name.
func parse(name, text string, environ []string) (*Config, error) {
	l := &loader{cfg: Default(), file: name, origins: map[string]string{}}
	l.applyFile(text)
	l.applyEnv(environ)
	l.validate()
	if len(l.problems) > 0 {
		return nil, &Error{Problems: l.problems}
	}
	return l.cfg, nil
}

// loader builds one configuration, collecting problems instead of stopping
// at the first.
type loader struct {
	cfg      *Config
	file     string
	lines    map[string]int    // "server.port" → line in the file
	origins  map[string]string // "server.port" → where its value was set
	problems []Problem
}

// add records a problem; parts (where, key, reason) are joined as one message.
func (l *loader) add(key string, parts ...string) {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	l.problems = append(l.problems, Problem{Key: key, Message: strings.Join(kept, " : ")})
}
