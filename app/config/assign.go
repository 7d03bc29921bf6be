package config

import (
	"fmt"
	"math"
	"reflect"
	"time"
)

var (
	durationType = reflect.TypeFor[time.Duration]()
	autoBoolType = reflect.TypeFor[AutoBool]()
)

// assign stores a value decoded from TOML (string, int64, float64, bool or
// []any) into dst, or returns why it does not fit, in French.
func assign(dst reflect.Value, v any) string {
	switch dst.Type() {
	case durationType:
		return assignDuration(dst, v)
	case autoBoolType:
		return assignAutoBool(dst, v)
	}
	switch dst.Kind() {
	case reflect.Int:
		return assignInt(dst, v)
	case reflect.Float64:
		return assignFloat(dst, v)
	case reflect.Slice:
		return assignStrings(dst, v)
	}
	if reflect.TypeOf(v) != dst.Type() {
		return expected(kindNames[dst.Kind()], v)
	}
	dst.Set(reflect.ValueOf(v))
	return ""
}

var kindNames = map[reflect.Kind]string{reflect.String: "une chaîne entre guillemets", reflect.Bool: "true ou false"}

func assignDuration(dst reflect.Value, v any) string {
	s, ok := v.(string)
	if !ok {
		return expected(`une durée entre guillemets, par ex. "10s"`, v)
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Sprintf(`durée invalide %q (exemples : "30s", "15m", "720h")`, s)
	}
	dst.SetInt(int64(d))
	return ""
}

func assignAutoBool(dst reflect.Value, v any) string {
	switch b := v.(type) {
	case bool:
		dst.SetString(fmt.Sprint(b))
		return ""
	case string:
		if b == string(Auto) || b == string(True) || b == string(False) {
			dst.SetString(b)
			return ""
		}
	}
	return expected(`true, false ou "auto"`, v)
}

func assignInt(dst reflect.Value, v any) string {
	n, ok := v.(int64)
	if !ok || dst.OverflowInt(n) {
		return expected("un entier", v)
	}
	dst.SetInt(n)
	return ""
}

func assignFloat(dst reflect.Value, v any) string {
	f, ok := v.(float64)
	if n, isInt := v.(int64); isInt {
		f, ok = float64(n), true
	}
	if !ok || math.IsInf(f, 0) || math.IsNaN(f) {
		return expected("un nombre fini", v)
	}
	dst.SetFloat(f)
	return ""
}

func assignStrings(dst reflect.Value, v any) string {
	items, ok := v.([]any)
	list := make([]string, 0, len(items))
	for _, item := range items {
		s, isString := item.(string)
		ok = ok && isString
		list = append(list, s)
	}
	if !ok {
		return expected("une liste de chaînes, par ex. [\"10.0.0.0/8\"]", v)
	}
	dst.Set(reflect.ValueOf(list))
	return ""
}

func expected(what string, got any) string {
	return fmt.Sprintf("doit être %s (reçu %s)", what, describe(got))
}

// describe names a decoded TOML value for a message.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("la chaîne %q", v)
	case int64:
		return fmt.Sprintf("l'entier %d", v)
	case float64:
		return fmt.Sprintf("le nombre %g", v)
	case bool:
		return fmt.Sprintf("le booléen %t", v)
	case []any, []map[string]any:
		return "une liste"
	case map[string]any:
		return "une table"
	case time.Time:
		return "une date"
	}
	return fmt.Sprintf("une valeur de type %T", v)
}
