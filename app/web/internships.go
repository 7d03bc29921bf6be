package web

import (
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/internship"
	"passerelle/app/signature"
)

// internshipPage shows an application's internship agreement and where its
// signatures stand; the employer gets the form to prepare it.
func (s *Server) internshipPage(c *fiber.Ctx) error {
	return s.showInternship(c, fiber.Map{"Form": url.Values{}})
}

func (s *Server) showInternship(c *fiber.Ctx, data fiber.Map) error {
	u := currentUser(c)
	a, err := s.deps.Internships.Load(c.UserContext(), u, c.Params("id"))
	if err != nil {
		return err
	}
	data["Title"], data["Agreement"] = s.localizer(c).T("internship.title"), a
	data["Employer"] = a.WrittenBy(u) && u.ID != a.Application.YouthID
	// The youth's counsellor follows the signatures; the document is the parties'.
	data["Counsellor"] = a.FollowedBy(u) && !a.WrittenBy(u) && u.ID != a.Application.YouthID
	data["Internship"] = strings.HasPrefix(string(a.Offer.Type), "internship")
	data["Accepted"] = a.Application.Status == domain.ApplicationAccepted
	if form := data["Form"].(url.Values); form.Get("signatory_name") == "" && form.Get("signatory_email") == "" {
		form.Set("signatory_name", u.Name)
		form.Set("signatory_email", u.Email)
	}
	return s.render(c, "internship", data)
}

// prepareInternship sends the agreement for signature with the form's terms.
func (s *Server) prepareInternship(c *fiber.Ctx) error {
	form := formValues(c)
	person := func(p string) internship.Person {
		return internship.Person{Name: form.Get(p + "_name"), Email: strings.TrimSpace(form.Get(p + "_email"))}
	}
	t := internship.Terms{SchoolUAI: form.Get("school_uai"), SchoolHead: person("school_head"), Teacher: person("teacher"),
		Guardian: person("guardian"), Signatory: person("signatory"), Tutor: person("tutor"),
		DailyHours: form.Get("daily_hours"), Tasks: form.Get("tasks"), Place: form.Get("place"),
		EmployerInsurer: form.Get("employer_insurer"), SchoolInsurer: form.Get("school_insurer")}
	var err error
	var ok bool
	if t.Starts, ok = parseDay(form.Get("starts")); !ok {
		err = domain.FieldError("starts", "error.internship.starts")
	} else if t.Ends, ok = parseDay(form.Get("ends")); !ok {
		err = domain.FieldError("ends", "error.internship.ends")
	} else {
		t.Ends = t.Ends.Add(24*time.Hour - time.Second) // the last day, whole
		_, err = s.deps.Internships.Prepare(c.UserContext(), currentUser(c), c.Params("id"), t)
	}
	if err == nil {
		return c.Redirect("/conventions/"+url.PathEscape(c.Params("id")), fiber.StatusSeeOther)
	}
	data := fiber.Map{"Form": form}
	if !failed(c, data, err) {
		return err
	}
	return s.showInternship(c, data)
}

// internshipPDF is the newest agreement with its signatures so far.
func (s *Server) internshipPDF(c *fiber.Ctx) error {
	a, err := s.deps.Internships.Load(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	if len(a.Requests) == 0 {
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.not_found"}
	}
	pdf, err := signature.Final(&a.Requests[0])
	if err != nil {
		return err
	}
	return sendDownload(c, "convention-de-stage.pdf", "application/pdf", pdf)
}
