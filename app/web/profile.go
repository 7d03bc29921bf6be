package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/account"
	"passerelle/app/domain"
	"passerelle/app/refdata"
)

func (s *Server) profilePage(c *fiber.Ctx) error {
	y, err := s.deps.Accounts.YouthProfile(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	form := url.Values{"mobility_km": {"10"}}
	if y != nil {
		form = youthForm(y)
	}
	data, err := s.profileData(c, form, y)
	if err != nil {
		return err
	}
	return s.render(c, "profile", data)
}

// profileData is what the profile form shows, with the structures a youth
// may choose to be followed by.
func (s *Server) profileData(c *fiber.Ctx, form url.Values, y *domain.Youth) (fiber.Map, error) {
	now := s.deps.Now()
	structures, err := s.readModels.structures.Get(c.UserContext())
	return fiber.Map{"Structures": structures, "Title": s.localizer(c).T("profile.title"), "Form": form, "Youth": y,
		"Closed": y != nil && y.Closed(now), "NeedsConsent": y != nil && y.NeedsConsent(now),
		"Situations": account.Situations, "Levels": account.Levels, "Interests": account.Interests(),
		"OfferTypes": domain.OfferTypes, "Communes": refdata.Communes(), "Saved": c.Query("enregistre") != "",
		"Checked": checked(form, "interests", "wanted_types")}, err
}

// checked tells the template which boxes of multi-valued fields are ticked,
// as "field:value" keys.
func checked(form url.Values, fields ...string) map[string]bool {
	m := map[string]bool{}
	for _, f := range fields {
		for _, v := range form[f] {
			m[f+":"+v] = true
		}
	}
	return m
}

func (s *Server) saveProfile(c *fiber.Ctx) error {
	user, form := currentUser(c), formValues(c)
	old, err := s.deps.Accounts.YouthProfile(c.UserContext(), user)
	if err != nil {
		return err
	}
	if old != nil && old.Closed(s.deps.Now()) {
		return &domain.Error{Code: domain.EFORBIDDEN, Message: "error.youth.closed"}
	}
	y, err := account.ParseYouthProfile(form, user.ID, s.deps.Now())
	if err == nil {
		_, err = s.deps.Accounts.SaveYouthProfile(c.UserContext(), user, y, s.client(c))
	}
	if err != nil {
		data, loadErr := s.profileData(c, form, old)
		if loadErr != nil {
			return loadErr
		}
		return s.formFailed(c, "profile", data, err)
	}
	return c.Redirect("/compte/profil?enregistre=1", fiber.StatusSeeOther)
}

// youthForm shows a stored profile in the form's terms.
func youthForm(y *domain.Youth) url.Values {
	form := url.Values{"first_name": {y.FirstName}, "birth_date": {y.BirthDate.Format(time.DateOnly)},
		"commune": {y.CommuneCode}, "situation": {y.Situation}, "level": {y.Level}, "interests": y.Interests,
		"mobility_km": {strconv.Itoa(y.MobilityKm)}, "languages": {strings.Join(y.Languages, ", ")},
		"guardian_email": {y.GuardianEmail}, "structure_id": {y.StructureID}}
	for _, t := range y.WantedTypes {
		form.Add("wanted_types", string(t))
	}
	if y.VisibleToEmployers {
		form.Set("visible", "1")
	}
	if y.ShareApplications {
		form.Set("share_applications", "1")
	}
	return form
}

func (s *Server) consentPage(c *fiber.Ctx) error {
	return s.render(c, "consent", fiber.Map{"Title": s.localizer(c).T("consent.title"), "Token": c.Params("token")})
}

func (s *Server) giveConsent(c *fiber.Ctx) error {
	if err := s.deps.Accounts.ConfirmGuardianConsent(c.UserContext(), c.Params("token"), s.client(c)); err != nil {
		return err
	}
	return s.notice(c, "consent.thanks.title", "consent.thanks.text")
}
