package web

import (
	"net/url"
	"slices"

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
	// scope admits a partner's API key holding it (see apikeys.go); a key
	// is refused on a route without one.
	scope domain.APIKeyScope
}

// ownership tells whether the signed-in user may act on the resource the
// route names (own organisation, own youths, own applications…); it may read
// the database, hence the error.
type ownership func(c *fiber.Ctx, u *domain.User) (bool, error)

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
		if k := apiKeyOf(c); k != nil {
			return allowKey(c, a, k)
		}
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

// route registers a route behind its access rule, and describes it for Routes.
// A GET route answers HEAD too: load balancers and link checkers ask with
// it, and the server drops the body.
func (s *Server) route(method, path string, rule access, handlers ...fiber.Handler) {
	s.table = append(s.table, Route{Method: method, Path: path, Anonymous: !rule.signedIn, Roles: rule.roles, Owner: rule.name,
		Scope: rule.scope})
	chain := append([]fiber.Handler{authorize(rule)}, handlers...)
	s.app.Add(method, path, chain...)
	if method == fiber.MethodGet {
		s.app.Add(fiber.MethodHead, path, chain...)
	}
}

// Route describes a route and its access rule, for tests: whether it is open
// to anonymous visitors, the roles allowed (empty: any signed-in person) and
// the name of its ownership rule (empty: none), and the scope that admits a
// partner's API key (empty: none does).
type Route struct {
	Method, Path string
	Anonymous    bool
	Roles        []domain.Role
	Owner        string
	Scope        domain.APIKeyScope
}

// Routes lists the routes in the order routes.go declares them.
func (s *Server) Routes() []Route { return slices.Clone(s.table) }
