package i18n

import (
	"passerelle/app/domain"
	"strconv"
	"time"
)

// DateSpan formats the two ends of a span of days in Paris time, leaving out
// of the first what the second repeats: with "du %s au %s", "7" and
// "11 décembre 2026", "30 novembre" and "4 décembre 2026"; in English
// "December 7" and "11, 2026".
func DateSpan(locale string, from, to time.Time) (string, string) {
	from, to = from.In(domain.Paris), to.In(domain.Paris)
	if from.Year() != to.Year() {
		return Date(locale, from), Date(locale, to)
	}
	sameMonth := from.Month() == to.Month()
	if Supported(locale) == "en" {
		start := months["en"][from.Month()-1] + " " + strconv.Itoa(from.Day())
		if sameMonth {
			return start, strconv.Itoa(to.Day()) + ", " + strconv.Itoa(to.Year())
		}
		return start, Date(locale, to)
	}
	start := frenchDay(from.Day())
	if !sameMonth {
		start += " " + months["fr"][from.Month()-1]
	}
	return start, Date(locale, to)
}

func frenchDay(day int) string {
	if day == 1 {
		return "1er"
	}
	return strconv.Itoa(day)
}
