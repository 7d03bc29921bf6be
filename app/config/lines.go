package config

import "strings"

// keyLines finds the first line of each "[section]" and "section.key" in a
// TOML text so that problems can point at it. It is a best effort: keys
// written as dotted keys or inside inline tables get no line.
func keyLines(text string) map[string]int {
	lines := map[string]int{}
	section := ""
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		name := ""
		if strings.HasPrefix(line, "[") {
			section, _, _ = strings.Cut(strings.TrimLeft(line, "["), "]")
			section = unquote(section)
			name = section
		} else if key, _, ok := strings.Cut(line, "="); ok {
			name = joinKey(section, unquote(key))
		}
		if _, seen := lines[name]; !seen && name != "" {
			lines[name] = i + 1
		}
	}
	return lines
}

func unquote(s string) string {
	return strings.Trim(strings.TrimSpace(s), `"'`)
}

func joinKey(section, key string) string {
	if section == "" {
		return key
	}
	return section + "." + key
}
