package web

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// access says who may use a route: anyone, any signed-in person, or the
// holders of some roles; and, for a resource of the URL, whose it must be.
type access struct {
	signedIn bool
	roles    []domain.Role // empty: any role
	owner    ownership     // nil: no ownership rule
	name     string        // of the ownership rule, for the tests
}

// ownership tells whether the signed-in user may act on the resource the
// route names (own organisation, own youths, own applications…); it may read
// the database, hence the error.
type ownership func(c *fiber.Ctx, u *domain.User) (bool, error)

var (
	public   = access{}
	signedIn = access{signedIn: true}
	staff    = only(domain.RoleStaff, domain.RoleAdmin)
)

func only(roles ...domain.Role) access { return access{signedIn: true, roles: roles} }

// ownedBy adds an ownership rule that staff and admins bypass.
func (a access) ownedBy(name string, rule ownership) access {
	a.owner, a.name = rule, name
	return a
}

// Allows reports whether a person holding roles passes the role rule; nil
// roles is an anonymous visitor.
func (a access) allows(u *domain.User) bool {
	if !a.signedIn {
		return true
	}
	if u == nil {
		return false
	}
	return len(a.roles) == 0 || slices.ContainsFunc(a.roles, u.HasRole)
}

var (
	errSignInRequired = &domain.Error{Code: domain.EUNAUTHORIZED, Message: "error.auth.required"}
	errForbidden      = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.auth.forbidden"}
)

// authorize enforces a route's declared access. An anonymous visitor asking
// for a page is sent to the sign-in page, and back after.
func authorize(a access) fiber.Handler {
	return func(c *fiber.Ctx) error {
		u := currentUser(c)
		switch {
		case a.allows(u):
			return owns(c, a, u)
		case u != nil:
			return denied(c, "role", errForbidden)
		}
		c.Set(accessDeniedHeader, "sign-in")
		if safeMethod(c.Method()) && !wantsJSON(c) {
			return c.Redirect("/connexion?suite="+url.QueryEscape(c.OriginalURL()), fiber.StatusSeeOther)
		}
		return errSignInRequired
	}
}

// accessDeniedHeader tells which rule refused a request (sign-in, role,
// owner), so that a refusal by the access rules is told from one by a
// handler's business rule — by the access matrix test, and by anyone debugging.
const accessDeniedHeader = "X-Access-Denied"

func denied(c *fiber.Ctx, rule string, err error) error {
	c.Set(accessDeniedHeader, rule)
	return err
}

// owns applies the ownership rule, which staff and admins bypass.
func owns(c *fiber.Ctx, a access, u *domain.User) error {
	if a.owner == nil || isStaff(u) {
		return c.Next()
	}
	ok, err := a.owner(c, u)
	if err != nil {
		return err
	}
	if !ok {
		return denied(c, "owner", errForbidden)
	}
	return c.Next()
}

func isStaff(u *domain.User) bool {
	return u != nil && (u.HasRole(domain.RoleStaff) || u.HasRole(domain.RoleAdmin))
}

// route registers a route behind the access declared for it in accessRules.
func (s *Server) route(method, path string, handlers ...fiber.Handler) {
	a, ok := accessRules[method+" "+path]
	if !ok {
		s.undeclared = append(s.undeclared, method+" "+path)
		a = only() // never left open
	}
	s.declared[method+" "+path] = true
	chain := append([]fiber.Handler{authorize(a)}, handlers...)
	s.app.Add(method, path, chain...)
	if method == fiber.MethodGet { // load balancers and link checkers ask with HEAD; the server drops the body
		s.app.Add(fiber.MethodHead, path, chain...)
	}
}

// checkDeclared refuses to build a server with a route that did not go
// through route, or whose access is not declared.
func (s *Server) checkDeclared() error {
	for _, r := range s.app.GetRoutes(true) {
		key := r.Method + " " + r.Path
		if r.Method == fiber.MethodHead {
			key = fiber.MethodGet + " " + r.Path
		}
		if !s.declared[key] && !slices.Contains(s.undeclared, key) {
			s.undeclared = append(s.undeclared, key)
		}
	}
	if len(s.undeclared) == 0 {
		return nil
	}
	sort.Strings(s.undeclared)
	return fmt.Errorf("web: routes without an access rule in app/web/access.go, or not declared through s.route: %s",
		strings.Join(s.undeclared, ", "))
}

// Access describes the rule of a route for tests: whether it is open to
// anonymous visitors, the roles allowed (empty: any signed-in person) and the
// name of its ownership rule. ok is false when the route has no rule.
func Access(method, path string) (anonymous bool, roles []domain.Role, owner string, ok bool) {
	a, ok := accessRules[method+" "+path]
	return !a.signedIn, a.roles, a.name, ok
}
