package web

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/account"
	"passerelle/app/domain"
)

func (s *Server) signUpPage(c *fiber.Ctx) error {
	return s.render(c, "signup", s.signUpData(c, url.Values{"role": {c.Query("role", string(domain.RoleYouth))}}))
}

func (s *Server) signUpData(c *fiber.Ctx, form url.Values) fiber.Map {
	return fiber.Map{"Title": s.localizer(c).T("auth.signup.title"), "Roles": domain.SelfRegisteredRoles,
		"Form": map[string]string{"email": form.Get("email"), "name": form.Get("name"), "role": form.Get("role"),
			"passwordless": form.Get("passwordless")}}
}

func (s *Server) signUp(c *fiber.Ctx) error {
	form := formValues(c)
	in, err := account.ParseSignUp(form)
	if err == nil {
		err = s.deps.Accounts.Register(c.UserContext(), in, s.client(c))
	}
	if err != nil {
		return s.formFailed(c, "signup", s.signUpData(c, form), err)
	}
	return s.notice(c, "auth.sent.title", "auth.sent.signup")
}

// formValues returns the posted form fields.
func formValues(c *fiber.Ctx) url.Values {
	form := url.Values{}
	c.Request().PostArgs().VisitAll(func(k, v []byte) { form.Add(string(k), string(v)) })
	return form
}

func (s *Server) verifyEmail(c *fiber.Ctx) error {
	raw, user, err := s.deps.Accounts.VerifyEmail(c.UserContext(), c.Params("token"), s.client(c))
	if err != nil {
		return err
	}
	if err := s.signIn(c, raw, user); err != nil {
		return err
	}
	return c.Redirect("/compte?bienvenue=1", fiber.StatusSeeOther)
}

func (s *Server) forgotPage(c *fiber.Ctx) error {
	return s.render(c, "forgot", fiber.Map{"Title": s.localizer(c).T("auth.forgot.title")})
}

func (s *Server) requestReset(c *fiber.Ctx) error {
	if err := s.deps.Accounts.RequestReset(c.UserContext(), c.FormValue("email"), s.client(c)); err != nil {
		return s.formFailed(c, "forgot", fiber.Map{"Title": s.localizer(c).T("auth.forgot.title"),
			"Email": c.FormValue("email")}, err)
	}
	return s.notice(c, "auth.sent.title", "auth.sent.reset")
}

func (s *Server) resetPage(c *fiber.Ctx) error {
	return s.render(c, "reset", fiber.Map{"Title": s.localizer(c).T("auth.reset.title"), "Token": c.Params("token")})
}

func (s *Server) resetPassword(c *fiber.Ctx) error {
	raw, user, err := s.deps.Accounts.ResetPassword(c.UserContext(), c.Params("token"), c.FormValue("password"), s.client(c))
	if err != nil {
		return s.formFailed(c, "reset", fiber.Map{"Title": s.localizer(c).T("auth.reset.title"), "Token": c.Params("token")}, err)
	}
	if err := s.signIn(c, raw, user); err != nil {
		return err
	}
	return c.Redirect(landingOf(user), fiber.StatusSeeOther)
}
