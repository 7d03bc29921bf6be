package config

import (
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// checks are the rules a `check` tag may name. Each returns why the value
// breaks the rule, in French, or "" when it holds.
var checks = map[string]func(v reflect.Value, arg string) string{
	"range":             checkRange,
	"positive":          checkPositive,
	"oneof":             checkOneOf,
	"required":          stringRule(checkRequired),
	"http_url":          stringRule(checkHTTPURL),
	"optional_http_url": stringRule(optional(checkHTTPURL)),
	"mongodb_uri":       stringRule(optional(checkMongoURI)),
	"email":             stringRule(checkEmail),
	"optional_email":    stringRule(optional(checkEmail)),
	"cron":              stringRule(optional(checkCron)),
	"file":              stringRule(optional(checkFile)),
	"ips":               checkIPs,
	"date":              stringRule(checkDate),
	"optional_date":     stringRule(optional(checkDate)),
}

func stringRule(rule func(string) string) func(reflect.Value, string) string {
	return func(v reflect.Value, _ string) string { return rule(v.String()) }
}

// optional lets the empty string through: it selects the embedded default or
// turns the feature off.
func optional(rule func(string) string) func(string) string {
	return func(s string) string {
		if s == "" {
			return ""
		}
		return rule(s)
	}
}

func checkRange(v reflect.Value, arg string) string {
	low, high, _ := strings.Cut(arg, "..")
	lo, _ := strconv.ParseInt(low, 10, 64)
	hi, _ := strconv.ParseInt(high, 10, 64)
	if n := v.Int(); n < lo || n > hi {
		return fmt.Sprintf("doit être un entier entre %d et %d (reçu %d)", lo, hi, n)
	}
	return ""
}

func checkPositive(v reflect.Value, _ string) string {
	switch {
	case v.Type() == durationType && v.Int() <= 0:
		return fmt.Sprintf("doit être une durée positive (reçu %q)", time.Duration(v.Int()))
	case v.Kind() == reflect.Float64 && !(v.Float() > 0):
		return fmt.Sprintf("doit être un nombre strictement positif (reçu %g)", v.Float())
	case v.Kind() == reflect.Int && v.Int() <= 0:
		return fmt.Sprintf("doit être un entier strictement positif (reçu %d)", v.Int())
	}
	return ""
}

func checkOneOf(v reflect.Value, arg string) string {
	options := strings.Fields(arg)
	for _, o := range options {
		if v.String() == o {
			return ""
		}
	}
	last := len(options) - 1
	return fmt.Sprintf("doit valoir %s ou %s (reçu %q)", strings.Join(options[:last], ", "), options[last], v.String())
}

func checkRequired(s string) string {
	if strings.TrimSpace(s) == "" {
		return "ne doit pas être vide"
	}
	return ""
}

func checkHTTPURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Sprintf("doit être une adresse complète en http:// ou https:// (reçu %q)", s)
	}
	return ""
}

// checkMongoURI checks the form only: the driver's own parser resolves
// mongodb+srv names through DNS, which has no place in loading a file. The
// URI is not quoted back since it may hold a password.
func checkMongoURI(s string) string {
	rest, ok := strings.CutPrefix(s, "mongodb://")
	if !ok {
		rest, ok = strings.CutPrefix(s, "mongodb+srv://")
	}
	hosts, _, _ := strings.Cut(rest, "/")
	hosts, _, _ = strings.Cut(hosts, "?")
	if i := strings.LastIndex(hosts, "@"); i >= 0 {
		hosts = hosts[i+1:]
	}
	if !ok || hosts == "" {
		return "doit commencer par mongodb:// ou mongodb+srv:// suivi d'un serveur, par ex. mongodb://localhost:27017"
	}
	return ""
}

func checkEmail(s string) string {
	if _, err := mail.ParseAddress(s); err != nil {
		return fmt.Sprintf("adresse e-mail invalide %q (par ex. \"Passerelle 92 <ne-pas-repondre@passerelle92.fr>\")", s)
	}
	return ""
}

// checkCron refuses a TZ= prefix: jobs always run on Paris time, and the
// cron parser panics on a prefix without a schedule.
func checkCron(s string) string {
	if strings.HasPrefix(s, "TZ=") || strings.HasPrefix(s, "CRON_TZ=") {
		return fmt.Sprintf("expression cron invalide %q : les tâches suivent toujours l'heure de Paris, retirez le préfixe TZ=", s)
	}
	if _, err := cron.ParseStandard(s); err != nil {
		return fmt.Sprintf("expression cron invalide %q : cinq champs minute heure jour mois jour-de-semaine, "+
			"par ex. \"0 8 * * MON\", ou \"\" pour désactiver la tâche (détail : %v)", s, err)
	}
	return ""
}

func checkFile(s string) string {
	info, err := os.Stat(s)
	switch {
	case err != nil:
		return fmt.Sprintf("fichier introuvable ou illisible %q", s)
	case info.IsDir():
		return fmt.Sprintf("%q est un dossier, pas un fichier", s)
	}
	return ""
}

func checkIPs(v reflect.Value, _ string) string {
	for _, s := range v.Interface().([]string) {
		_, _, cidrErr := net.ParseCIDR(s)
		if net.ParseIP(s) == nil && cidrErr != nil {
			return fmt.Sprintf("%q n'est ni une adresse IP ni un bloc CIDR (par ex. \"10.0.0.0/8\")", s)
		}
	}
	return ""
}
