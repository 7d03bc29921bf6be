package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/partners"
)

// apiKeyLocal holds the partner's key a request is signed with.
const apiKeyLocal = "api_key"

var (
	errKeyInvalid = &domain.Error{Code: domain.EUNAUTHORIZED, Message: "error.apikey.invalid"}
	errKeyScope   = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.apikey.scope"}
)

// withKey admits, besides the rule's people, a partner's API key holding
// scope.
func (a access) withKey(scope domain.APIKeyScope) access {
	a.scope = scope
	return a
}

// loadAPIKey authenticates a request sent with "Authorization: Bearer
// <key>": the request then acts as the key (partners.Actor), without
// session or anti-forgery token, which only browsers need. An unknown or
// revoked key is refused with 401, a key past its rate with 429 and
// Retry-After, each as a problem document.
func (s *Server) loadAPIKey(c *fiber.Ctx) error {
	raw, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer ")
	if !ok {
		return c.Next()
	}
	if s.deps.Partners == nil {
		return s.keyRefused(c, errKeyInvalid)
	}
	k, err := s.deps.Partners.Authenticate(c.UserContext(), strings.TrimSpace(raw), c.IP())
	if err != nil {
		return s.keyRefused(c, err)
	}
	c.Locals(apiKeyLocal, k)
	c.Locals(userLocal, partners.Actor(k))
	return c.Next()
}

// keyRefused names the scheme to a client whose key is not valid (RFC 6750).
func (s *Server) keyRefused(c *fiber.Ctx, err error) error {
	if domain.ErrorCode(err) == domain.EUNAUTHORIZED {
		c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="Passerelle 92"`)
	}
	return err
}

// apiKeyOf is the key the request is signed with, or nil.
func apiKeyOf(c *fiber.Ctx) *domain.APIKey {
	k, _ := c.Locals(apiKeyLocal).(*domain.APIKey)
	return k
}

// allowKey lets a key through the routes that admit its scope only.
func allowKey(c *fiber.Ctx, a access, k *domain.APIKey) error {
	if a.scope == "" || !k.Allows(a.scope) || !a.allows(partners.Actor(k)) {
		return denied(c, "scope", errKeyScope)
	}
	return c.Next()
}

// soleOrganisation is the organisation of a user who has exactly one: what
// the API acts on when a request names none (a partner's key knows one).
func soleOrganisation(u *domain.User, given string) string {
	if given == "" && u != nil && len(u.OrganisationIDs) == 1 {
		return u.OrganisationIDs[0]
	}
	return given
}

const apiKeysPath = "/agents/cles-api"

// staffAPIKeys lists the partners' keys, newest first, with the form that
// creates one.
func (s *Server) staffAPIKeys(c *fiber.Ctx) error {
	data, err := s.apiKeysPage(c)
	if err != nil {
		return err
	}
	data["Form"] = url.Values{"rate_per_minute": {strconv.Itoa(partners.DefaultRate)}}
	return s.render(c, "staff_api_keys", data)
}

func (s *Server) apiKeysPage(c *fiber.Ctx) (fiber.Map, error) {
	keys, p, err := readPage(c, listAt{path: apiKeysPath}, func(r domain.PageRequest) (domain.Page[domain.APIKey], error) {
		return s.deps.Partners.Keys(c.UserContext(), currentUser(c), r)
	})
	if err != nil {
		return nil, err
	}
	return fiber.Map{"Title": s.localizer(c).T("apikeys.title"), "Keys": keys, "Pager": p,
		"Kinds": domain.PartnerKinds, "Scopes": domain.APIKeyScopes}, nil
}

// createAPIKey creates a key and shows it, this once: only its hash is kept.
func (s *Server) createAPIKey(c *fiber.Ctx) error {
	form := formValues(c)
	in := partners.Input{Partner: form.Get("partner"), Kind: domain.PartnerKind(form.Get("kind")),
		ContactEmail: form.Get("email"), Organisation: form.Get("organisation")}
	for _, sc := range form["scopes"] {
		in.Scopes = append(in.Scopes, domain.APIKeyScope(sc))
	}
	in.RatePerMinute, _ = strconv.Atoi(strings.TrimSpace(form.Get("rate_per_minute")))
	raw, k, err := s.deps.Partners.Create(c.UserContext(), currentUser(c), in, c.IP())
	if err != nil {
		data, perr := s.apiKeysPage(c)
		if perr != nil {
			return perr
		}
		data["Form"] = form
		return s.formFailed(c, "staff_api_keys", data, err)
	}
	c.Status(fiber.StatusCreated)
	return s.render(c, "staff_api_key_created", fiber.Map{"Title": s.localizer(c).T("apikeys.created.title"),
		"Key": k, "Secret": raw})
}

func (s *Server) revokeAPIKey(c *fiber.Ctx) error {
	if err := s.deps.Partners.Revoke(c.UserContext(), currentUser(c), c.Params("id"), c.IP()); err != nil {
		return err
	}
	s.flash(c, "api_key_revoked")
	return c.Redirect(backToList(c, apiKeysPath), fiber.StatusSeeOther)
}
