package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/progress"
)

// staffFile is the instruction page of one file.
func (s *Server) staffFile(c *fiber.Ctx) error {
	return s.showStaffFile(c, fiber.Map{})
}

func (s *Server) showStaffFile(c *fiber.Ctx, data fiber.Map) error {
	ctx, u, svc := c.UserContext(), currentUser(c), s.deps.Progress
	g, err := svc.ViewFile(ctx, u, c.Params("id"))
	if err != nil {
		return err
	}
	call, err := svc.Call(ctx, g.CallID)
	if err != nil {
		return err
	}
	data["Title"], data["File"], data["Call"], data["Now"] = g.Content.Project.Title, g, call, s.deps.Now()
	for _, load := range []func() error{
		func() (err error) { data["Notes"], err = svc.Notes(ctx, u, g.ID); return },
		func() (err error) { data["Versions"], err = svc.Versions(ctx, u, g.ID); return },
		func() (err error) { data["Pool"], err = svc.ReviewerPool(ctx, u); return },
		func() (err error) { data["Reviews"], data["Summary"], err = svc.FileReviews(ctx, u, g.ID); return },
	} {
		if err := load(); err != nil {
			return err
		}
	}
	if data["Names"], err = s.reviewerNames(ctx, data["Reviews"].([]domain.Review)); err != nil {
		return err
	}
	if data["Agreements"], err = s.deps.Signatures.BySubject(ctx, domain.SignGrantAgreement, g.ID); err != nil {
		return err
	}
	if _, ok := data["Form"]; !ok {
		data["Form"] = url.Values{}
	}
	data["Next"], data["Sections"], data["Checks"] = g.State.Next(domain.RoleStaff), domain.GrantSections, domain.EligibilityChecks
	return s.render(c, "staff_file", data)
}

// staffAction applies one instruction action to a file; a refused action
// shows the page again with its message next to the form.
func (s *Server) staffAction(c *fiber.Ctx) error {
	act, ok := s.staffActions()[c.Params("action")]
	if !ok {
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.not_found"}
	}
	if err := act(c, c.Params("id")); err != nil {
		data := fiber.Map{"Action": c.Params("action"), "Form": formValues(c)}
		if !failed(c, data, err) {
			return err
		}
		return s.showStaffFile(c, data)
	}
	return c.Redirect("/agents/progress/dossiers/"+c.Params("id"), fiber.StatusSeeOther)
}

type staffAct func(c *fiber.Ctx, id string) error

func (s *Server) staffActions() map[string]staffAct {
	svc := s.deps.Progress
	return map[string]staffAct{
		"instruction": func(c *fiber.Ctx, id string) error {
			return second(svc.StartInstruction(c.UserContext(), currentUser(c), id))
		},
		"eligibilite":  s.decideEligibility,
		"informations": s.requestInformation,
		"annotation": func(c *fiber.Ctx, id string) error {
			return svc.Annotate(c.UserContext(), currentUser(c), id, c.FormValue("body"))
		},
		"evaluateurs": func(c *fiber.Ctx, id string) error {
			return svc.AssignReviewers(c.UserContext(), currentUser(c), id, formValues(c)["reviewers"])
		},
		"notation": func(c *fiber.Ctx, id string) error {
			return second(svc.CloseScoring(c.UserContext(), currentUser(c), id))
		},
		"decision": func(c *fiber.Ctx, id string) error {
			return second(svc.Decide(c.UserContext(), currentUser(c), id, domain.GrantState(c.FormValue("to")), c.FormValue("reason")))
		},
		"attribution": s.award,
		"convention":  s.prepareAgreement,
		"paiement":    func(c *fiber.Ctx, id string) error { return second(svc.MarkPaid(c.UserContext(), currentUser(c), id)) },
	}
}

func (s *Server) decideEligibility(c *fiber.Ctx, id string) error {
	form := formValues(c)
	var checklist []domain.CheckItem
	for _, key := range domain.EligibilityChecks {
		checklist = append(checklist, domain.CheckItem{Key: key, OK: form.Get("check_"+key) == "1"})
	}
	return second(s.deps.Progress.DecideEligibility(c.UserContext(), currentUser(c), id, checklist, form.Get("reason")))
}

func (s *Server) requestInformation(c *fiber.Ctx, id string) error {
	form := formValues(c)
	deadline, err := domain.ParisInstant("deadline", form.Get("deadline"))
	if err != nil {
		return err
	}
	req := domain.InfoRequest{Points: form["points"], Message: strings.TrimSpace(form.Get("message")), Deadline: deadline}
	return second(s.deps.Progress.RequestInformation(c.UserContext(), currentUser(c), id, req))
}

func (s *Server) award(c *fiber.Ctx, id string) error {
	amount, ok := parseEuros(c.FormValue("amount"))
	if !ok {
		return domain.FieldError("amount", "error.award.amount_format")
	}
	return second(s.deps.Progress.Award(c.UserContext(), currentUser(c), id, amount, c.FormValue("reason")))
}

// second keeps the error of a call that also returns a value.
func second[T any](_ T, err error) error { return err }

// reviewerNames are the names of the reviewers of reviews, which pages show
// instead of their ids.
func (s *Server) reviewerNames(ctx context.Context, reviews []domain.Review) (map[string]string, error) {
	ids := make([]string, len(reviews))
	for i, r := range reviews {
		ids[i] = r.ReviewerID
	}
	return s.peopleNames(ctx, ids)
}

// prepareAgreement sends the grant agreement for signature with the terms
// of the form; the file becomes « convention signée » from the signatures.
func (s *Server) prepareAgreement(c *fiber.Ctx, id string) error {
	form := formValues(c)
	share, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(form.Get("first_share")), "%")))
	if err != nil {
		return domain.FieldError("first_share", "error.agreement.first_share")
	}
	report, ok := parseDay(form.Get("report_on"))
	if !ok {
		return domain.FieldError("report_on", "error.agreement.report_on")
	}
	var interim time.Time
	if strings.TrimSpace(form.Get("interim_on")) != "" {
		if interim, ok = parseDay(form.Get("interim_on")); !ok {
			return domain.FieldError("interim_on", "error.agreement.interim_on")
		}
	}
	terms := progress.AgreementTerms{RepresentativeName: form.Get("representative_name"),
		RepresentativeEmail: strings.TrimSpace(form.Get("representative_email")), FirstShare: share,
		InterimOn: interim, ReportOn: report, Obligations: form.Get("obligations")}
	return second(s.deps.Progress.PrepareAgreement(c.UserContext(), currentUser(c), id, terms))
}

// parseDay reads a day as a date field sends it (2027-06-30), at midnight
// in Paris.
func parseDay(s string) (time.Time, bool) {
	t, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), domain.Paris)
	return t, err == nil
}
