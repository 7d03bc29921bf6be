package config

import (
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// applyFile sets the keys of the TOML text, in the file's order.
func (l *loader) applyFile(text string) {
	var raw map[string]any
	meta, err := toml.Decode(text, &raw)
	if err != nil {
		l.syntaxError(err, text)
		return
	}
	l.lines = keyLines(text)
	for _, key := range meta.Keys() {
		l.applyFileKey(key, raw)
	}
}

func (l *loader) syntaxError(err error, text string) {
	var perr toml.ParseError
	where := l.file
	if errors.As(err, &perr) {
		where = fmt.Sprintf("%s ligne %d", l.file, errorLine(perr, text))
		err = errors.New(perr.Message)
	}
	l.add("", where, "erreur de syntaxe TOML : "+err.Error())
}

// errorLine counts lines up to the error's offset: the parser's own line
// number is one too far when the error is the end of a line.
func errorLine(perr toml.ParseError, text string) int {
	if perr.Position.Start < 0 || perr.Position.Start > len(text) {
		return perr.Position.Line
	}
	return 1 + strings.Count(text[:perr.Position.Start], "\n")
}

// applyFileKey handles sections and their keys; anything nested deeper is
// reported through its parent key, which cannot hold a table.
func (l *loader) applyFileKey(key toml.Key, raw map[string]any) {
	switch len(key) {
	case 1:
		l.checkSection(key[0], raw[key[0]])
	case 2:
		table, ok := raw[key[0]].(map[string]any)
		if ok && sectionKeys[key[0]] != nil {
			l.setFromFile(key[0], key[1], table[key[1]])
		}
	}
}

func (l *loader) checkSection(name string, v any) {
	_, isTable := v.(map[string]any)
	switch {
	case sectionKeys[name] == nil && isTable:
		l.add(name, l.where(name), unknownSection(name))
	case sectionKeys[name] == nil:
		l.add(name, l.where(name), fmt.Sprintf("clé inconnue %s : chaque clé doit être dans une section, par ex. [server]", name))
	case !isTable:
		l.add(name, l.where(name), fmt.Sprintf("[%s] doit être une section", name))
	}
}

func (l *loader) setFromFile(section, key string, v any) {
	f, ok := fieldsByName[section+"."+key]
	where := l.where(section + "." + key)
	if !ok {
		l.add(section+"."+key, where, unknownKey(section, key))
		return
	}
	if reason := assign(f.value(l.cfg), v); reason != "" {
		l.add(f.name(), where, f.label(), reason)
		return
	}
	l.origins[f.name()] = where
}

// where names the file and, when found, the line of a key or section.
func (l *loader) where(name string) string {
	if line, ok := l.lines[name]; ok {
		return fmt.Sprintf("%s ligne %d", l.file, line)
	}
	return l.file
}
