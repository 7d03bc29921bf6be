package config

import (
	"fmt"
	"strings"
)

// Error lists every problem found in the configuration, so that one run
// shows them all.
type Error struct {
	Problems []Problem
}

// Problem is one invalid setting.
type Problem struct {
	// Key is the setting concerned, as "server.port"; empty for a problem
	// with the whole file, such as a syntax error.
	Key string
	// Message says where (file and line, or environment variable), which key
	// and why, in French.
	Message string
}

func (e *Error) Error() string {
	var b strings.Builder
	s := ""
	if len(e.Problems) > 1 {
		s = "s"
	}
	fmt.Fprintf(&b, "configuration invalide (%d problème%s) :", len(e.Problems), s)
	for _, p := range e.Problems {
		b.WriteString("\n  - " + p.Message)
	}
	return b.String()
}
