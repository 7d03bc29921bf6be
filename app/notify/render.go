package notify

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"strings"
	texttemplate "text/template"
)

//go:embed templates
var templatesFS embed.FS

// views holds, per email, its HTML version and its text version (which
// also defines the subject), each combined with the shared layout.
type views struct {
	html map[string]*htmltemplate.Template
	text map[string]*texttemplate.Template
}

func parseViews() (*views, error) {
	v := &views{html: map[string]*htmltemplate.Template{}, text: map[string]*texttemplate.Template{}}
	htmlBase, err := htmltemplate.ParseFS(templatesFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	textBase, err := texttemplate.ParseFS(templatesFS, "templates/layout.txt")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templatesFS, "templates/*.txt")
	if err != nil {
		return nil, err
	}
	for _, path := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(path, "templates/"), ".txt")
		if name == "layout" {
			continue
		}
		if v.text[name], err = texttemplate.Must(textBase.Clone()).ParseFS(templatesFS, path); err != nil {
			return nil, err
		}
		if v.html[name], err = htmltemplate.Must(htmlBase.Clone()).ParseFS(templatesFS, "templates/"+name+".html"); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// rendered is an email's subject and bodies.
type rendered struct{ subject, text, html string }

func (v *views) render(name string, data view) (rendered, error) {
	text, ok := v.text[name]
	if !ok {
		return rendered{}, fmt.Errorf("notify: no email template %q", name)
	}
	var subject, body, page bytes.Buffer
	if err := text.ExecuteTemplate(&subject, "subject", data); err != nil {
		return rendered{}, err
	}
	if err := text.ExecuteTemplate(&body, "layout.txt", data); err != nil {
		return rendered{}, err
	}
	if err := v.html[name].ExecuteTemplate(&page, "layout.html", data); err != nil {
		return rendered{}, err
	}
	return rendered{subject: strings.TrimSpace(subject.String()), text: body.String(), html: page.String()}, nil
}
