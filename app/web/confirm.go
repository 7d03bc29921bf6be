package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"
)

// confirmField is the name of the field that says a destructive action was
// confirmed on the page confirmFirst shows.
const confirmField = "confirme"

// hiddenField is a posted field carried through the confirmation page.
type hiddenField struct{ Name, Value string }

// confirmFirst asks, before a destructive action (key names its texts
// "confirm.<key>.*", about subject), for a confirmation: a form posted
// without confirmField gets a page that says what will happen and posts
// the same fields again, confirmed, or goes back. It reports whether the
// action is confirmed; when not, the page is rendered.
func (s *Server) confirmFirst(c *fiber.Ctx, key, subject, back string) (bool, error) {
	if c.FormValue(confirmField) == "1" {
		return true, nil
	}
	var fields []hiddenField
	c.Request().PostArgs().VisitAll(func(name, value []byte) {
		if n := string(name); n != csrfField && n != confirmField {
			fields = append(fields, hiddenField{Name: strings.Clone(n), Value: strings.Clone(string(value))})
		}
	})
	l := s.localizer(c)
	return false, s.render(c, "confirm", fiber.Map{"Title": l.T("confirm." + key + ".title"),
		"Text": l.T("confirm."+key+".text", subject), "Submit": l.T("confirm." + key + ".submit"),
		"Action": c.Path(), "Fields": fields, "ConfirmField": confirmField, "Back": localTarget(back, "/compte")})
}
