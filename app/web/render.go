package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/i18n"
	"passerelle/app/outing"
	"passerelle/app/refdata"
)

//go:embed templates
var templatesFS embed.FS

// views holds one template set per page, each combined with the layout.
type views struct {
	pages map[string]*template.Template
}

func parseViews(catalog i18n.Catalog, a *assets) (*views, error) {
	funcs := template.FuncMap{"asset": a.url, "dict": dict, "daysUntil": daysUntil, "iso": iso, "has": formHas, "nth": formNth, "add": add, "kb": kilobytes,
		"grantField": grantField, "communes": refdata.Communes, "pupilOf": outing.PupilOf}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templatesFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templatesFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	v := &views{pages: map[string]*template.Template{}}
	for _, path := range names {
		page, err := template.Must(base.Clone()).ParseFS(templatesFS, path)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(strings.TrimPrefix(path, "templates/pages/"), ".html")
		v.pages[name] = page
	}
	return v, nil
}

// render writes page with the layout, adding what every page needs.
func (s *Server) render(c *fiber.Ctx, page string, data fiber.Map) error {
	t, ok := s.views.pages[page]
	if !ok {
		return fmt.Errorf("no template %q", page)
	}
	locale := localeOf(c)
	data["L"] = localizer{s.deps.Catalog.For(locale)}
	data["Path"] = c.Path()
	data["RequestID"] = requestID(c)
	data["User"] = currentUser(c)
	data["CSRF"] = csrfOf(c)
	data["Nav"] = s.navFor(c)
	data["Flash"] = s.takeFlash(c)
	data["Accessibility"] = s.deps.Publication.AccessibilityStatus // the footer declares it on every page
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Send(buf.Bytes())
}
