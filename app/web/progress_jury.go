package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// juryHome lists the files a reviewer must score.
func (s *Server) juryHome(c *fiber.Ctx) error {
	list, err := s.deps.Progress.MyAssignments(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	return s.render(c, "jury", fiber.Map{"Title": s.localizer(c).T("progress.jury.title"), "Assignments": list})
}

// juryFile shows a file to an assigned reviewer with the scoring form; the
// other reviews appear only once theirs is submitted.
func (s *Server) juryFile(c *fiber.Ctx) error {
	return s.showJuryFile(c, fiber.Map{})
}

func (s *Server) showJuryFile(c *fiber.Ctx, data fiber.Map) error {
	ctx, u, svc := c.UserContext(), currentUser(c), s.deps.Progress
	g, err := svc.ViewFile(ctx, u, c.Params("id"))
	if err != nil {
		return err
	}
	reviews, err := svc.ReviewsSeenBy(ctx, u, g.ID)
	if err != nil {
		return err
	}
	call, err := svc.Call(ctx, g.CallID)
	if err != nil {
		return err
	}
	if data["Names"], err = s.reviewerNames(ctx, reviews); err != nil {
		return err
	}
	data["Title"], data["File"], data["Call"], data["Reviews"] = g.Content.Project.Title, g, call, reviews
	data["Recommendations"] = []domain.Recommendation{domain.RecommendFund, domain.RecommendReservedly, domain.RecommendDecline}
	data["Marks"] = []string{"0", "1", "2", "3", "4", "5", "na"}
	if data["Form"] == nil {
		data["Form"] = formValues(c)
	}
	return s.render(c, "jury_file", data)
}

func (s *Server) declareConflict(c *fiber.Ctx) error {
	if err := s.deps.Progress.DeclareConflict(c.UserContext(), currentUser(c), c.Params("id"), c.FormValue("reason")); err != nil {
		return err
	}
	s.flash(c, "conflict_declared")
	return c.Redirect("/jury", fiber.StatusSeeOther)
}

func (s *Server) submitReview(c *fiber.Ctx) error {
	form := formValues(c)
	call, err := s.deps.Progress.Call(c.UserContext(), c.FormValue("call"))
	if err != nil {
		return err
	}
	r := domain.Review{Comment: form.Get("comment"), Recommendation: domain.Recommendation(form.Get("recommendation"))}
	for _, cr := range call.Criteria {
		mark := form.Get("score_" + cr.Key)
		n, convErr := strconv.Atoi(mark)
		if convErr != nil && mark != "na" {
			n = -1 // no mark: refused by the validation, next to the criterion
		}
		r.Scores = append(r.Scores, domain.CriterionScore{Key: cr.Key, Score: n, NA: mark == "na"})
	}
	if err := s.deps.Progress.SubmitScores(c.UserContext(), currentUser(c), c.Params("id"), r); err != nil {
		data := fiber.Map{"Form": form}
		if !failed(c, data, err) {
			return err
		}
		return s.showJuryFile(c, data)
	}
	return c.Redirect("/jury/dossiers/"+c.Params("id"), fiber.StatusSeeOther)
}
