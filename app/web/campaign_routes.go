package web

// campaignRoutes declares the pages of the matching: visit campaigns (staff
// open, run and publish them; counsellors enter their groups' wishes and read
// the results) and the candidates suggested for an employer's offer.
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

	get("/employeurs/offres/:id/candidats", s.offerCandidates)
}
