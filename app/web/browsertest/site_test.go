package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// page wraps body in a document that passes every check by itself.
func page(title, head, body string) string {
	return fmt.Sprintf(`<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>
<link rel="icon" href="/pixel.svg" type="image/svg+xml">%s</head>
<body><main><h1>%s</h1>%s</main></body></html>`, title, head, title, body)
}

var sitePages = map[string]string{
	"/": page("Accueil", "", `<p><a href="/form">Formulaire</a></p>`),
	"/form": page("Formulaire", "", `<form action="/done" method="get">
<label for="name">Nom</label> <input id="name" name="name" value="ancien">
<label for="kind">Type</label> <select id="kind" name="kind"><option value="stage">Stage</option>
<option value="apprentissage">Apprentissage</option></select>
<button type="submit">Envoyer</button></form>`),
	"/console":      page("Console", `<script src="/console.js" defer></script>`, ""),
	"/exception":    page("Exception", `<script src="/throw.js" defer></script>`, ""),
	"/inline":       page("Script en ligne", `<script>document.title = "exécuté";</script>`, ""),
	"/wide":         page("Large", "", `<div class="banner" style="width:600px">trop large</div>`),
	"/inaccessible": page("Inaccessible", "", `<img src="/pixel.svg"><input name="q">`),
}

var siteAssets = map[string]string{
	"/console.js": `console.error("boom from the page");`,
	"/throw.js":   `throw new Error("kaput");`,
	"/pixel.svg":  `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>`,
}

// newSite serves the pages with the platform's Content-Security-Policy, so the
// tests also prove that axe-core gets in despite it.
func newSite(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'")
		switch {
		case r.URL.Path == "/login":
			http.SetCookie(w, &http.Cookie{Name: "who", Value: r.FormValue("name"), Path: "/"})
			http.Redirect(w, r, "/whoami", http.StatusSeeOther)
		case r.URL.Path == "/whoami":
			who, err := r.Cookie("who")
			if err != nil {
				who = &http.Cookie{Value: "anonyme"}
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page(who.Value, "", ""))
		case r.URL.Path == "/done":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page(r.FormValue("name")+" / "+r.FormValue("kind"), "", ""))
		case sitePages[r.URL.Path] != "":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, sitePages[r.URL.Path])
		case siteAssets[r.URL.Path] != "":
			w.Header().Set("Content-Type", map[bool]string{true: "image/svg+xml", false: "text/javascript"}[r.URL.Path == "/pixel.svg"])
			fmt.Fprint(w, siteAssets[r.URL.Path])
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, page("Introuvable", "", ""))
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}
