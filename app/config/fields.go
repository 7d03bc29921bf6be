package config

import (
	"fmt"
	"reflect"
	"strings"
)

// field is one configuration key and where its value lives in Config.
type field struct {
	section, key string
	index        []int
	check        string // a rule of checks.go, "name" or "name=argument"
}

// fields lists every key in declaration order, which is also the order in
// which problems are reported.
var fields = listFields()

var (
	fieldsByName = indexFields(fields)
	sectionKeys  = keysBySection(fields)
)

func listFields() []field {
	var list []field
	root := reflect.TypeFor[Config]()
	for i := range root.NumField() {
		section := root.Field(i)
		for j := range section.Type.NumField() {
			f := section.Type.Field(j)
			list = append(list, newField(section.Tag.Get("toml"), f, []int{i, j}))
		}
	}
	return list
}

func newField(section string, f reflect.StructField, index []int) field {
	rule := f.Tag.Get("check")
	name, _ := splitRule(rule)
	if _, ok := checks[name]; rule != "" && !ok {
		panic(fmt.Sprintf("config: unknown check %q on %s", rule, f.Name))
	}
	return field{section: section, key: f.Tag.Get("toml"), index: index, check: rule}
}

func indexFields(list []field) map[string]field {
	byName := make(map[string]field, len(list))
	for _, f := range list {
		byName[f.name()] = f
	}
	return byName
}

func keysBySection(list []field) map[string][]string {
	keys := map[string][]string{}
	for _, f := range list {
		keys[f.section] = append(keys[f.section], f.key)
	}
	return keys
}

// name is the key as the problems' Key reports it: "server.port".
func (f field) name() string { return f.section + "." + f.key }

// label is the key as config.toml shows it: "[server] port".
func (f field) label() string { return "[" + f.section + "] " + f.key }

func (f field) value(c *Config) reflect.Value {
	return reflect.ValueOf(c).Elem().FieldByIndex(f.index)
}

func (f field) hasCheck(name string) bool {
	rule, _ := splitRule(f.check)
	return rule == name
}

// splitRule splits "range=1..65535" into the rule's name and its argument.
func splitRule(rule string) (name, arg string) {
	name, arg, _ = strings.Cut(rule, "=")
	return name, arg
}
