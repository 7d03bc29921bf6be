package web

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/account"
	"passerelle/app/discover"
	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// quizPoints are the answers of the questionnaire's radios.
var quizPoints = map[string]int{"oui": discover.Yes, "unpeu": discover.ALittle, "non": discover.No}

// proposalView is a proposal with the addresses it leads to.
type proposalView struct {
	discover.Proposal
	Page, Offers, Visits string
	Jobs                 []refdata.Job
}

// quiz serves « Quel métier pour moi ? »: the questions, and once answered
// the interests they point to with their reasons. Nothing is stored: the
// answers travel in the address, and only a signed-in youth who asks saves
// the proposed interests into the profile (quizSave).
func (s *Server) quiz(c *fiber.Ctx) error {
	l := s.localizer(c)
	answers := map[string]string{}
	for _, q := range discover.Questions {
		answers[q.ID] = c.Query("q_" + q.ID)
	}
	data := fiber.Map{"Title": l.T("quiz.title"), "Questions": discover.Questions, "Answers": answers,
		"Choices": []string{"oui", "unpeu", "non"}}
	if c.Query("repondu") == "" {
		return s.render(c, "quiz", data)
	}
	points := map[string]int{}
	for _, q := range discover.Questions {
		p, ok := quizPoints[answers[q.ID]]
		if !ok {
			return s.formFailed(c, "quiz", data, domain.FieldError("q_"+q.ID, "quiz.error.missing"))
		}
		points[q.ID] = p
	}
	data["Proposals"] = proposalViews(discover.Propose(points))
	return s.render(c, "quiz", data)
}

func proposalViews(proposals []discover.Proposal) []proposalView {
	views := make([]proposalView, len(proposals))
	for i, p := range proposals {
		v := proposalView{Proposal: p, Page: "/decouvrir/ess", Offers: "/offres?ess=1", Visits: "/offres?ess=1&type=visit"}
		if f, ok := discover.ByKey(p.Interest); ok {
			v.Page, v.Offers, v.Visits = "/decouvrir/"+f.Slug, "/offres?tension="+f.Key, "/offres?tension="+f.Key+"&type=visit"
		}
		for _, code := range p.Jobs {
			if job, ok := refdata.JobByCode(code); ok {
				v.Jobs = append(v.Jobs, job)
			}
		}
		views[i] = v
	}
	return views
}

// quizSave adds the interests the questionnaire proposed to the signed-in
// youth's profile, where the recommendations read them.
func (s *Server) quizSave(c *fiber.Ctx) error {
	var picked []string
	for _, v := range c.Request().PostArgs().PeekMulti("interet") {
		if key := string(v); slices.Contains(account.Interests(), key) {
			picked = append(picked, key)
		}
	}
	if len(picked) == 0 {
		return &domain.Error{Code: domain.EINVALID, Message: "quiz.error.nothing"}
	}
	u := currentUser(c)
	y, err := s.deps.Accounts.YouthProfile(c.UserContext(), u)
	if err != nil {
		return err
	}
	if y == nil {
		return s.notice(c, "quiz.saved.no_profile.title", "quiz.saved.no_profile.text")
	}
	for _, key := range picked {
		if !slices.Contains(y.Interests, key) {
			y.Interests = append(y.Interests, key)
		}
	}
	if _, err := s.deps.Accounts.SaveYouthProfile(c.UserContext(), u, *y, s.client(c)); err != nil {
		return err
	}
	return s.notice(c, "quiz.saved.title", "quiz.saved.text")
}
