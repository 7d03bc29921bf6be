package web

import (
	"net/url"
	"strings"
)

// localTarget returns target when a browser would resolve it to a page of
// this site, and fallback otherwise: the one check of every redirect whose
// address comes from the request (the sign-in's "come back to", a form's
// "back", the page a language switch returns to). A browser reads "//host"
// and "/\host" as another site, drops tabs and newlines anywhere in an
// address (so "/\t/host" is "//host"), and follows any scheme.
func localTarget(target, fallback string) string {
	u, err := url.Parse(target)
	switch {
	case err != nil, !strings.HasPrefix(target, "/"), u.Scheme != "", u.Host != "", u.User != nil,
		strings.ContainsFunc(target, isControl), strings.HasPrefix(target, "//"), strings.HasPrefix(target, `/\`):
		return fallback
	}
	return target
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }
