package web

// campaignRoutes declares the visit-campaign pages: staff open, run and
// publish campaigns; counsellors enter their groups' wishes and read the
// results.
func (s *Server) campaignRoutes(get, post registrar) {
	get("/agents/campagnes", s.staffCampaigns)
	post("/agents/campagnes", s.createCampaign)
	get("/agents/campagnes/:id", s.staffCampaign)
	post("/agents/campagnes/:id/sessions", s.setCampaignSessions)
	post("/agents/campagnes/:id/repartition", s.runCampaign)
	post("/agents/campagnes/:id/publication", s.publishCampaign)

	get("/campagnes", s.counsellorCampaigns)
	get("/campagnes/:id", s.counsellorCampaign)
	post("/campagnes/:id/groupes", s.saveCampaignGroup)
}
