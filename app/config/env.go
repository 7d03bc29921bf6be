package config

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

const envPrefix = "PASSERELLE_"

// applyEnv sets the keys named by PASSERELLE_<SECTION>_<KEY> variables, which
// win over the file.
func (l *loader) applyEnv(environ []string) {
	for _, kv := range environ {
		name, value, ok := strings.Cut(kv, "=")
		if ok && strings.HasPrefix(name, envPrefix) {
			l.setFromEnv(name, value)
		}
	}
}

func (l *loader) setFromEnv(name, value string) {
	section, key, _ := strings.Cut(strings.ToLower(strings.TrimPrefix(name, envPrefix)), "_")
	f, ok := fieldsByName[section+"."+key]
	if !ok {
		l.add(section+"."+key, name, unknownKey(section, key))
		return
	}
	dst := f.value(l.cfg)
	v, reason := envValue(dst.Type(), value)
	if reason == "" {
		reason = assign(dst, v)
	}
	if reason != "" {
		l.add(f.name(), name, reason)
		return
	}
	l.origins[f.name()] = name
}

// envValue turns a variable's text into the value TOML would have decoded
// for a key of type t: lists are comma-separated.
func envValue(t reflect.Type, s string) (any, string) {
	if t == durationType || t == autoBoolType {
		return s, ""
	}
	switch t.Kind() {
	case reflect.Int:
		n, err := strconv.ParseInt(s, 10, 64)
		return n, failed(err, "%q n'est pas un entier", s)
	case reflect.Float64:
		f, err := strconv.ParseFloat(s, 64)
		return f, failed(err, "%q n'est pas un nombre", s)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		return b, failed(err, "%q n'est pas un booléen (true ou false)", s)
	case reflect.Slice:
		return splitList(s), ""
	}
	return s, ""
}

func failed(err error, format string, args ...any) string {
	if err == nil {
		return ""
	}
	return fmt.Sprintf(format, args...)
}

func splitList(s string) []any {
	list := []any{}
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			list = append(list, item)
		}
	}
	return list
}
