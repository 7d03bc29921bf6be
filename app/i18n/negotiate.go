package i18n

import "golang.org/x/text/language"

var matcher = language.NewMatcher([]language.Tag{language.French, language.English})

// Negotiate picks the locale from an explicit choice (cookie or query), then
// from the Accept-Language header, then the default.
func Negotiate(choice, acceptLanguage string) string {
	if choice != "" {
		return Supported(choice)
	}
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return Default
	}
	_, index, confidence := matcher.Match(tags...)
	if confidence == language.No {
		return Default
	}
	return Locales[index]
}
