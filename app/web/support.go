package web

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// The accompaniment's pages: the public offer, the holder's form and
// requests, the structure's and staff's lists, and one request's follow-up.
const (
	supportPath        = "/accompagnement"
	supportFormPath    = "/accompagnement/demande"
	supportMinePath    = "/accompagnement/mes-demandes"
	supportFollowPath  = "/accompagnement/suivi"
	supportRequestPath = "/accompagnement/demandes/"
	staffSupportPath   = "/agents/accompagnement"
)

// supportPage presents the accompaniment and the partner structures.
func (s *Server) supportPage(c *fiber.Ctx) error {
	structures, err := s.deps.Support.Structures(c.UserContext())
	if err != nil {
		return err
	}
	return s.render(c, "support", fiber.Map{"Title": s.localizer(c).T("support.title"), "Structures": structures})
}

// supportForm is the holder's request form; ?dossier= starts it from a
// PROGR'ESS file the holder edits (the link of a decision email).
func (s *Server) supportForm(c *fiber.Ctx) error {
	form := url.Values{}
	if id := c.Query("dossier"); id != "" {
		g, err := s.deps.Progress.ViewFile(c.UserContext(), currentUser(c), id)
		if err != nil {
			return err
		}
		form.Set("grant_id", g.ID)
		form.Set("project", g.Content.Project.Title)
		form.Set("description", g.Content.Project.Summary)
		form.Set("commune_code", communeName(g.Content.Identity.CommuneCode))
	}
	return s.renderSupportForm(c, form)
}

func (s *Server) renderSupportForm(c *fiber.Ctx, form url.Values) error {
	return s.render(c, "support_form", s.supportFormData(c, form))
}

func (s *Server) supportFormData(c *fiber.Ctx, form url.Values) fiber.Map {
	return fiber.Map{"Title": s.localizer(c).T("support.ask.title"), "Form": form, "Stages": domain.SupportStages,
		"Needs": domain.SupportNeeds, "Communes": refdata.Communes()}
}

// askSupport records the request and shows it.
func (s *Server) askSupport(c *fiber.Ctx) error {
	form := formValues(c)
	in := domain.SupportInput{Project: form.Get("project"), Description: form.Get("description"),
		CommuneCode: communeCode(form.Get("commune_code")), GrantID: form.Get("grant_id"), Stage: domain.SupportStage(form.Get("stage"))}
	for _, n := range form["needs"] {
		in.Needs = append(in.Needs, domain.SupportNeed(n))
	}
	r, err := s.deps.Support.Ask(c.UserContext(), currentUser(c), in)
	if err != nil {
		return s.formFailed(c, "support_form", s.supportFormData(c, form), err)
	}
	s.flash(c, "support_asked")
	return c.Redirect(supportRequestPath+r.ID, fiber.StatusSeeOther)
}

// supportList renders one of the three lists of requests.
func (s *Server) supportList(c *fiber.Ctx, title, path string, read func(domain.SupportStatus, domain.PageRequest) (domain.Page[domain.SupportRequest], error)) error {
	status := domain.SupportStatus(c.Query("statut"))
	if status != "" && !slices.Contains(domain.SupportStatuses, status) {
		return domain.FieldError("statut", "error.support.status")
	}
	requests, p, err := readPage(c, listAt{path: path}, func(r domain.PageRequest) (domain.Page[domain.SupportRequest], error) {
		return read(status, r)
	})
	if err != nil {
		return err
	}
	return s.render(c, "support_list", fiber.Map{"Title": s.localizer(c).T(title), "Requests": requests, "Pager": p,
		"Path": path, "Status": string(status), "Statuses": domain.SupportStatuses})
}

func (s *Server) mySupportRequests(c *fiber.Ctx) error {
	return s.supportList(c, "support.mine.title", supportMinePath, func(_ domain.SupportStatus, r domain.PageRequest) (domain.Page[domain.SupportRequest], error) {
		return s.deps.Support.Mine(c.UserContext(), currentUser(c), r)
	})
}

func (s *Server) followedSupport(c *fiber.Ctx) error {
	return s.supportList(c, "support.followed.title", supportFollowPath, func(st domain.SupportStatus, r domain.PageRequest) (domain.Page[domain.SupportRequest], error) {
		return s.deps.Support.Followed(c.UserContext(), currentUser(c), st, r)
	})
}

func (s *Server) staffSupport(c *fiber.Ctx) error {
	return s.supportList(c, "support.queue.title", staffSupportPath, func(st domain.SupportStatus, r domain.PageRequest) (domain.Page[domain.SupportRequest], error) {
		return s.deps.Support.Queue(c.UserContext(), currentUser(c), st, r)
	})
}

// supportRequest shows one request with its follow-up and, to each, the
// forms they may use.
func (s *Server) supportRequest(c *fiber.Ctx) error {
	return s.renderSupportRequest(c, fiber.Map{}, nil)
}

func (s *Server) renderSupportRequest(c *fiber.Ctx, data fiber.Map, failure error) error {
	u := currentUser(c)
	r, err := s.deps.Support.Request(c.UserContext(), u, c.Params("id"))
	if err != nil {
		return err
	}
	data["Title"], data["Request"] = r.Project, r
	data["Adviser"] = u.HasRole(domain.RoleAdviser) && r.StructureID != "" && slices.Contains(u.OrganisationIDs, r.StructureID)
	data["Holder"] = r.HolderID == u.ID
	data["Moves"] = supportMoves(r.Status)
	if r.NextMeeting != nil {
		data["Meeting"] = r.NextMeeting.In(domain.Paris).Format(meetingLayout)
	}
	if u.HasRole(domain.RoleStaff) {
		if data["Structures"], err = s.deps.Support.Structures(c.UserContext()); err != nil {
			return err
		}
	}
	if failure != nil {
		return s.formFailed(c, "support_request", data, failure)
	}
	return s.render(c, "support_request", data)
}

// supportMoves are the statuses a structure may choose from status.
func supportMoves(from domain.SupportStatus) []domain.SupportStatus {
	var moves []domain.SupportStatus
	for _, to := range domain.SupportStatuses {
		if to != domain.SupportNew && domain.CanMoveSupport(from, to) {
			moves = append(moves, to)
		}
	}
	return moves
}

// writeSupport adds a message (or the structure's internal note).
func (s *Server) writeSupport(c *fiber.Ctx) error {
	form := formValues(c)
	id := strings.Clone(c.Params("id"))
	if _, err := s.deps.Support.Write(c.UserContext(), currentUser(c), id, form.Get("message"), form.Get("internal") == "1"); err != nil {
		return s.renderSupportRequest(c, fiber.Map{"Form": form}, err)
	}
	s.flash(c, "support_written")
	return c.Redirect(supportRequestPath+id+"#suivi", fiber.StatusSeeOther)
}

// followSupport records the structure's status and next meeting.
func (s *Server) followSupport(c *fiber.Ctx) error {
	form := formValues(c)
	id := strings.Clone(c.Params("id"))
	next, err := meetingTime(form.Get("next_meeting"))
	if err == nil {
		_, err = s.deps.Support.Follow(c.UserContext(), currentUser(c), id, domain.SupportStatus(form.Get("status")), next)
	}
	if err != nil {
		return s.renderSupportRequest(c, fiber.Map{"Form": form}, err)
	}
	s.flash(c, "support_followed")
	return c.Redirect(supportRequestPath+id, fiber.StatusSeeOther)
}

// meetingLayout is the value of a datetime-local field.
const meetingLayout = "2006-01-02T15:04"

// meetingTime reads a datetime-local field in Paris time; empty is none.
func meetingTime(v string) (*time.Time, error) {
	if strings.TrimSpace(v) == "" {
		return nil, nil
	}
	t, err := time.ParseInLocation(meetingLayout, strings.TrimSpace(v), domain.Paris)
	if err != nil {
		return nil, domain.FieldError("next_meeting", "error.support.meeting")
	}
	return &t, nil
}

// assignSupport gives the request to a structure.
func (s *Server) assignSupport(c *fiber.Ctx) error {
	form := formValues(c)
	id := strings.Clone(c.Params("id"))
	if _, err := s.deps.Support.Assign(c.UserContext(), currentUser(c), id, form.Get("structure_id")); err != nil {
		return s.renderSupportRequest(c, fiber.Map{"Form": form}, err)
	}
	s.flash(c, "support_assigned")
	return c.Redirect(supportRequestPath+id, fiber.StatusSeeOther)
}
