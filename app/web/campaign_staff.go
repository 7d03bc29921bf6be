package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/campaign"
)

// staffCampaigns lists the campaigns with the form to open one.
func (s *Server) staffCampaigns(c *fiber.Ctx) error {
	return s.staffCampaignsWith(c, fiber.Map{"Form": campaign.CampaignInput{PriorityShare: "30"}})
}

func (s *Server) staffCampaignsWith(c *fiber.Ctx, data fiber.Map) error {
	list, err := s.deps.Campaigns.Campaigns(c.UserContext())
	if err != nil {
		return err
	}
	data["Title"], data["Campaigns"] = s.localizer(c).T("campaign.staff.title"), list
	return s.render(c, "staff_campaigns", data)
}

func (s *Server) createCampaign(c *fiber.Ctx) error {
	in := campaign.CampaignInput{Title: c.FormValue("title"), WeekStart: c.FormValue("week_start"),
		WishDeadline: c.FormValue("wish_deadline"), PriorityShare: c.FormValue("priority_share")}
	created, err := s.deps.Campaigns.Create(c.UserContext(), currentUser(c), in)
	if err != nil {
		data := fiber.Map{"Form": in}
		if !failed(c, data, err) {
			return err
		}
		return s.staffCampaignsWith(c, data)
	}
	return c.Redirect("/agents/campagnes/"+created.ID, fiber.StatusSeeOther)
}

// staffCampaign shows a campaign to staff: its sessions, the groups and
// their wishes, and the allocation once run.
func (s *Server) staffCampaign(c *fiber.Ctx) error {
	return s.staffCampaignWith(c, fiber.Map{"Done": c.Query("fait"), "Emails": c.QueryInt("envois")})
}

func (s *Server) staffCampaignWith(c *fiber.Ctx, data fiber.Map) error {
	v, week, err := s.deps.Campaigns.StaffView(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	data["Title"], data["View"], data["Week"], data["Now"] = v.Campaign.Title, v, week, s.deps.Now()
	return s.render(c, "staff_campaign", data)
}

// campaignActionFailed shows the campaign page again with the error.
func (s *Server) campaignActionFailed(c *fiber.Ctx, err error) error {
	data := fiber.Map{}
	if !failed(c, data, err) {
		return err
	}
	return s.staffCampaignWith(c, data)
}

func (s *Server) setCampaignSessions(c *fiber.Ctx) error {
	err := s.deps.Campaigns.SetSessions(c.UserContext(), currentUser(c), c.Params("id"), formValues(c)["sessions"])
	return s.afterCampaignAction(c, err, "sessions")
}

func (s *Server) runCampaign(c *fiber.Ctx) error {
	_, err := s.deps.Campaigns.Run(c.UserContext(), currentUser(c), c.Params("id"))
	return s.afterCampaignAction(c, err, "repartition")
}

func (s *Server) publishCampaign(c *fiber.Ctx) error {
	p, err := s.deps.Campaigns.Publish(c.UserContext(), currentUser(c), c.Params("id"))
	return s.afterCampaignAction(c, err, "publication&envois="+strconv.Itoa(p.Emails))
}

func (s *Server) afterCampaignAction(c *fiber.Ctx, err error, done string) error {
	if err != nil {
		return s.campaignActionFailed(c, err)
	}
	return c.Redirect("/agents/campagnes/"+c.Params("id")+"?fait="+done, fiber.StatusSeeOther)
}
