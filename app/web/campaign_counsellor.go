package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/campaign"
	"passerelle/app/domain"
)

// counsellorCampaigns lists the campaigns a counsellor can enter wishes in
// or read the results of.
func (s *Server) counsellorCampaigns(c *fiber.Ctx) error {
	list, err := s.deps.Campaigns.Campaigns(c.UserContext())
	if err != nil {
		return err
	}
	return s.render(c, "campaigns", fiber.Map{"Title": s.localizer(c).T("campaign.list.title"), "Campaigns": list,
		"Now": s.deps.Now()})
}

// counsellorCampaign shows the counsellor's groups, their wishes, the form
// to add or change one while wishes are open, and the results once published.
func (s *Server) counsellorCampaign(c *fiber.Ctx) error {
	return s.counsellorCampaignWith(c, fiber.Map{"Saved": c.Query("enregistre") != ""}, nil)
}

func (s *Server) counsellorCampaignWith(c *fiber.Ctx, data fiber.Map, form *campaign.GroupInput) error {
	u := currentUser(c)
	v, err := s.deps.Campaigns.CounsellorView(c.UserContext(), u, c.Params("id"))
	if err != nil {
		return err
	}
	if form == nil {
		form = groupFormOf(v, c.Query("groupe"))
	}
	structures, err := s.deps.People.OrganisationsByIDs(c.UserContext(), u.OrganisationIDs)
	if err != nil {
		return err
	}
	data["Title"], data["View"], data["Form"], data["Now"] = v.Campaign.Title, v, form, s.deps.Now()
	data["Slots"], data["Structures"] = wishSlots(form), structures
	return s.render(c, "campaign", data)
}

func (s *Server) saveCampaignGroup(c *fiber.Ctx) error {
	form := formValues(c)
	in := campaign.GroupInput{GroupID: form.Get("group_id"), StructureID: form.Get("structure_id"), Name: form.Get("name"),
		Size: form.Get("size"), Level: form.Get("level")}
	for i := range domain.CampaignWishMax {
		in.Wishes = append(in.Wishes, form.Get("wish"+strconv.Itoa(i+1)))
	}
	_, err := s.deps.Campaigns.SaveGroup(c.UserContext(), currentUser(c), c.Params("id"), in)
	if err != nil {
		data := fiber.Map{}
		if !failed(c, data, err) {
			return err
		}
		in.Wishes = in.Ranked()
		return s.counsellorCampaignWith(c, data, &in)
	}
	return c.Redirect("/campagnes/"+c.Params("id")+"?enregistre=1#groupes", fiber.StatusSeeOther)
}

// groupFormOf fills the form with one of the counsellor's groups, to change it.
func groupFormOf(v *campaign.View, groupID string) *campaign.GroupInput {
	for _, g := range v.Groups {
		if g.ID == groupID {
			return &campaign.GroupInput{GroupID: g.ID, StructureID: g.StructureID, Name: g.Name,
				Size: strconv.Itoa(g.Size), Level: g.Level, Wishes: g.Wishes}
		}
	}
	return &campaign.GroupInput{}
}

// wishSlot is one of the ten ranked choices of the form.
type wishSlot struct {
	Rank  int
	Field string
	Value string
}

func wishSlots(form *campaign.GroupInput) []wishSlot {
	slots := make([]wishSlot, domain.CampaignWishMax)
	for i := range slots {
		slots[i] = wishSlot{Rank: i + 1, Field: "wish" + strconv.Itoa(i+1)}
		if i < len(form.Wishes) {
			slots[i].Value = form.Wishes[i]
		}
	}
	return slots
}
