package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/account"
	"passerelle/app/i18n"
)

func (s *Server) signInPage(c *fiber.Ctx) error {
	if u := currentUser(c); u != nil {
		return c.Redirect(landingOf(u), fiber.StatusSeeOther)
	}
	return s.render(c, "signin", s.signInData(c))
}

func (s *Server) signInData(c *fiber.Ctx) fiber.Map {
	return fiber.Map{"Title": s.localizer(c).T("auth.signin.title"), "Email": c.FormValue("email"),
		"Next": localTarget(c.Query("suite", c.FormValue("suite")), "")}
}

func (s *Server) signInWithPassword(c *fiber.Ctx) error {
	raw, user, err := s.deps.Accounts.SignIn(c.UserContext(), c.FormValue("email"), c.FormValue("password"), s.client(c))
	if err != nil {
		return s.formFailed(c, "signin", s.signInData(c), err)
	}
	if err := s.signIn(c, raw, user); err != nil {
		return err
	}
	return c.Redirect(localTarget(c.FormValue("suite"), landingOf(user)), fiber.StatusSeeOther)
}

func (s *Server) requestMagicLink(c *fiber.Ctx) error {
	if err := s.deps.Accounts.RequestMagicLink(c.UserContext(), c.FormValue("email"), s.client(c)); err != nil {
		data := s.signInData(c)
		data["MagicEmail"] = c.FormValue("email")
		return s.formFailed(c, "signin", data, err)
	}
	return s.notice(c, "auth.sent.title", "auth.sent.magic")
}

// magicLinkPage asks for a click before using the link: mail scanners that
// open links would otherwise use it up.
func (s *Server) magicLinkPage(c *fiber.Ctx) error {
	return s.render(c, "magic", fiber.Map{"Title": s.localizer(c).T("auth.magic.title"), "Token": c.Params("token")})
}

func (s *Server) useMagicLink(c *fiber.Ctx) error {
	raw, user, err := s.deps.Accounts.UseMagicLink(c.UserContext(), c.Params("token"), s.client(c))
	if err != nil {
		return err
	}
	if err := s.signIn(c, raw, user); err != nil {
		return err
	}
	return c.Redirect(landingOf(user), fiber.StatusSeeOther)
}

func (s *Server) signOut(c *fiber.Ctx) error {
	if err := s.deps.Accounts.EndSession(c.UserContext(), c.Cookies(sessionCookie), currentUser(c), s.client(c)); err != nil {
		return err
	}
	s.clearSessionCookie(c)
	return c.Redirect("/", fiber.StatusSeeOther)
}

func (s *Server) signOutEverywhere(c *fiber.Ctx) error {
	if err := s.deps.Accounts.EndAllSessions(c.UserContext(), currentUser(c), s.client(c)); err != nil {
		return err
	}
	s.clearSessionCookie(c)
	return c.Redirect("/connexion", fiber.StatusSeeOther)
}

// chooseEmailLanguage keeps the language the person's emails are written in.
func (s *Server) chooseEmailLanguage(c *fiber.Ctx) error {
	if err := s.deps.Accounts.ChooseEmailLanguage(c.UserContext(), currentUser(c), c.FormValue("locale")); err != nil {
		return err
	}
	s.flash(c, "email_language_saved")
	return c.Redirect("/compte#langue", fiber.StatusSeeOther)
}

func (s *Server) accountPage(c *fiber.Ctx) error {
	user := currentUser(c)
	orgs, err := s.deps.People.OrganisationsByIDs(c.UserContext(), user.OrganisationIDs)
	if err != nil {
		return err
	}
	sessions, err := s.deps.People.UserWebSessions(c.UserContext(), user.ID)
	if err != nil {
		return err
	}
	return s.render(c, "account", fiber.Map{"Title": s.localizer(c).T("account.title"), "Organisations": orgs,
		"CanCreate": len(account.KindsFor(user)) > 0, "Welcome": c.Query("bienvenue") != "",
		"Sessions": sessions, "Current": account.HashSecret(c.Cookies(sessionCookie)), "Locales": i18n.Locales})
}
