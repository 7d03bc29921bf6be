package i18n

import (
	"passerelle/app/domain"
	"strconv"
	"strings"
	"time"
)

var months = map[string][]string{
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

var weekdays = map[string][]string{
	"fr": {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
	"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
}

// Date formats t as a long date in Paris time: "26 novembre 2026".
func Date(locale string, t time.Time) string {
	t = t.In(domain.Paris)
	month := months[Supported(locale)][t.Month()-1]
	if Supported(locale) == "en" {
		return month + " " + strconv.Itoa(t.Day()) + ", " + strconv.Itoa(t.Year())
	}
	return frenchDay(t.Day()) + " " + month + " " + strconv.Itoa(t.Year())
}

// DateTime formats t with its weekday and time in Paris: "jeudi 26 novembre 2026 à 14 h 30".
func DateTime(locale string, t time.Time) string {
	t = t.In(domain.Paris)
	weekday := weekdays[Supported(locale)][t.Weekday()]
	if Supported(locale) == "en" {
		return weekday + " " + Date(locale, t) + " at " + t.Format("15:04")
	}
	return weekday + " " + Date(locale, t) + " à " + t.Format("15") + " h " + t.Format("04")
}

// Number formats n with the locale's digit grouping: "100 000" or "100,000".
func Number(locale string, n int64) string {
	sep := "\u202f" // French uses a narrow no-break space between thousands
	if Supported(locale) == "en" {
		sep = ","
	}
	digits := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	return sign + b.String()
}

// Money formats an amount in euro cents, without cents when they are zero:
// "15 000 €", "12,50 €", "€15,000".
func Money(locale string, cents int64) string {
	whole := Number(locale, cents/100)
	rest := cents % 100
	if rest < 0 {
		rest = -rest
	}
	if Supported(locale) == "en" {
		if rest != 0 {
			whole += "." + twoDigits(rest)
		}
		return "€" + whole
	}
	if rest != 0 {
		whole += "," + twoDigits(rest)
	}
	return whole + "\u00a0€"
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// Decimal formats x with one decimal in the locale's way: "114,0" or "114.0".
func Decimal(locale string, x float64) string {
	text := strconv.FormatFloat(x, 'f', 1, 64)
	whole, tenth, _ := strings.Cut(text, ".")
	n, _ := strconv.ParseInt(whole, 10, 64)
	mark := ","
	if Supported(locale) == "en" {
		mark = "."
	}
	sign := ""
	if strings.HasPrefix(whole, "-") && n == 0 {
		sign = "-" // "-0.4" keeps its sign, which ParseInt drops
	}
	return sign + Number(locale, n) + mark + tenth
}
