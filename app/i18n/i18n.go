// Package i18n holds the message catalogs shared by pages and emails, and the
// French and English formats of dates, numbers and money.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Locales supported, the first being the default.
var Locales = []string{"fr", "en"}

// Default is the locale used when nothing else is known.
const Default = "fr"

//go:embed catalog/*.json
var catalogFS embed.FS

// Catalog maps message keys to texts, per locale.
type Catalog map[string]map[string]string

// Load reads the embedded catalogs and checks that every locale defines the
// same keys, so a missing translation is caught at start-up, not by a user.
func Load() (Catalog, error) {
	c := Catalog{}
	for _, locale := range Locales {
		data, err := catalogFS.ReadFile("catalog/" + locale + ".json")
		if err != nil {
			return nil, err
		}
		messages := map[string]string{}
		if err := json.Unmarshal(data, &messages); err != nil {
			return nil, fmt.Errorf("catalog %s: %w", locale, err)
		}
		c[locale] = messages
	}
	return c, c.checkComplete()
}

func (c Catalog) checkComplete() error {
	var missing []string
	for key := range c[Default] {
		for _, locale := range Locales {
			if _, ok := c[locale][key]; !ok {
				missing = append(missing, locale+":"+key)
			}
		}
	}
	for _, messages := range c {
		for key := range messages {
			if _, ok := c[Default][key]; !ok {
				missing = append(missing, Default+":"+key)
			}
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("catalog keys missing: %s", strings.Join(missing, ", "))
	}
	return nil
}

// T returns the message for key in locale, formatted with args. An unknown key
// comes back as itself so that it shows up, rather than an empty string. A
// message that uses none of args (an email's subject, given its body's
// arguments) comes back as it is.
func (c Catalog) T(locale, key string, args ...any) string {
	msg, ok := c[Supported(locale)][key]
	if !ok {
		return key
	}
	if len(args) > 0 && strings.Contains(msg, "%") {
		return fmt.Sprintf(msg, c.localized(locale, args)...)
	}
	return msg
}

// Localized is an argument written differently in each language: a date, a
// label. A service that does not know the reader's language (an email's
// recipient is known when it is written) passes one.
type Localized interface {
	In(c Catalog, locale string) string
}

// When is an instant written as a date and time of the reader's language.
type When time.Time

func (w When) In(_ Catalog, locale string) string { return DateTime(locale, time.Time(w)) }

// Label is a catalog key written in the reader's language.
type Label string

func (l Label) In(c Catalog, locale string) string { return c.T(locale, string(l)) }

// localized writes the Localized arguments in locale, on a copy: the
// caller's arguments serve each recipient's language in turn.
func (c Catalog) localized(locale string, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if l, ok := a.(Localized); ok {
			a = l.In(c, locale)
		}
		out[i] = a
	}
	return out
}

// Supported returns locale if it is supported, the default otherwise.
func Supported(locale string) string {
	for _, l := range Locales {
		if l == locale {
			return l
		}
	}
	return Default
}
