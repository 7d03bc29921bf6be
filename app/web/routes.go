package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/passerelle"
)

// routes declares every route of the platform, in one place; who may use
// each is declared in access.go.
func (s *Server) routes() {
	s.middleware()
	get, post := s.method(fiber.MethodGet), s.method(fiber.MethodPost)
	get("/static/*", s.assets.serve)
	get("/healthz", s.healthz)
	get("/readyz", s.readyz)
	get("/metrics", s.metrics.handler())

	get("/", s.home)
	get("/jeunes", s.space("youth", 12, 0))
	get("/etablissements", s.space("counsellor", 0, 20))
	get("/employeurs", s.space("employer", 0, 0))
	get("/progress", s.space("progress", 0, 0))
	get("/agents", s.space("staff", 0, 0))
	get("/offres", s.searchPage)
	get("/offres/:id", s.offer)
	get("/api/v1/search", s.searchAPI)
	get("/api/v1/suggest", s.suggest)

	get("/connexion", s.signInPage)
	post("/connexion", s.signInWithPassword)
	post("/connexion/lien", s.requestMagicLink)
	get("/connexion/lien/:token", s.magicLinkPage)
	post("/connexion/lien/:token", s.useMagicLink)
	post("/deconnexion", s.signOut)
	post("/deconnexion/partout", s.signOutEverywhere)
	get("/inscription", s.signUpPage)
	post("/inscription", s.signUp)
	get("/verification/:token", s.verifyEmail)
	get("/mot-de-passe/oubli", s.forgotPage)
	post("/mot-de-passe/oubli", s.requestReset)
	get("/mot-de-passe/nouveau/:token", s.resetPage)
	post("/mot-de-passe/nouveau/:token", s.resetPassword)
	get("/compte", s.accountPage)
	get("/compte/donnees", s.exportData)
	get("/compte/suppression", s.deletionPage)
	post("/compte/suppression", s.deleteAccount)
	get("/confidentialite", s.privacyPage)
	get("/compte/profil", s.profilePage)
	post("/compte/profil", s.saveProfile)
	get("/consentement/:token", s.consentPage)
	post("/consentement/:token", s.giveConsent)

	get("/organisations/nouvelle", s.newOrganisationPage)
	post("/organisations/nouvelle", s.createOrganisation)
	get("/organisations/:id", s.organisationPage)
	post("/organisations/:id/invitations", s.inviteMember)
	get("/invitations/:token", s.invitationPage)
	post("/invitations/:token", s.acceptInvitation)
	get("/agents/organisations", s.staffOrganisations)
	post("/agents/organisations/:id/verification", s.verifyOrganisation)

	// PROGR'ESS: the public call and laureates, the applicant's file, staff instruction and the jury.
	get("/progress/appels/:id", s.progressCall)
	post("/progress/appels/:id/candidature", s.startApplication)
	get("/progress/appels/:id/laureats", s.laureates)
	get("/progress/dossiers", s.myFiles)
	get("/progress/dossiers/:id", s.fileSummary)
	get("/progress/dossiers/:id/etapes/:step", s.fileStep)
	post("/progress/dossiers/:id/etapes/:step", s.saveStep)
	post("/progress/dossiers/:id/depot", s.submitFile)
	post("/progress/dossiers/:id/reponse", s.answerInformation)
	post("/progress/dossiers/:id/messages", s.sendFileMessage)
	post("/progress/dossiers/:id/pieces/:file/suppression", s.removeAttachment)
	get("/progress/dossiers/:id/pieces/:file", s.downloadAttachment)
	get("/progress/dossiers/:id/accuse-reception.pdf", s.fileReceipt)

	get("/agents/progress", s.staffCalls)
	get("/agents/progress/appels/nouveau", s.newCallPage)
	post("/agents/progress/appels", s.saveCall)
	get("/agents/progress/appels/:id", s.editCallPage)
	post("/agents/progress/appels/:id", s.saveCall)
	get("/agents/progress/appels/:id/dossiers", s.staffFiles)
	get("/agents/progress/appels/:id/tableau-de-bord", s.progressDashboard)
	get("/agents/progress/appels/:id/exports/:file", s.progressExport)
	post("/agents/progress/appels/:id/lot", s.batchFiles)
	post("/agents/progress/appels/:id/liste-attente", s.fundWaitlist)
	post("/agents/progress/appels/:id/publication", s.publishLaureates)
	get("/agents/progress/dossiers/:id", s.staffFile)
	post("/agents/progress/dossiers/:id/:action", s.staffAction)

	get("/jury", s.juryHome)
	get("/jury/dossiers/:id", s.juryFile)
	post("/jury/dossiers/:id/conflit", s.declareConflict)
	post("/jury/dossiers/:id/evaluation", s.submitReview)

	// Visit campaigns (staff open, run and publish them; counsellors enter wishes) and suggested candidates.
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

	// The youth–enterprise programme's JSON API: offers, sessions, group bookings, applications.
	get("/api/v1/openapi.json", s.openAPI)
	get("/api/v1/offers", s.apiMyOffers)
	post("/api/v1/offers", s.apiCreateOffer)
	post("/api/v1/offers/:id", s.apiUpdateOffer)
	post("/api/v1/offers/:id/close", s.offerAction((*passerelle.Service).CloseOffer))
	post("/api/v1/offers/:id/duplicate", s.offerAction((*passerelle.Service).DuplicateOffer))
	post("/api/v1/offers/:id/publish", s.offerAction((*passerelle.Service).PublishOffer))
	post("/api/v1/offers/:id/reject", s.apiRejectOffer)
	get("/api/v1/moderation", s.apiModerationQueue)
	get("/api/v1/offers/:id/sessions", s.apiSessions)
	post("/api/v1/offers/:id/sessions", s.apiAddSession)
	post("/api/v1/offers/:id/applications", s.apiApply)

	get("/api/v1/bookings", s.apiBookings)
	post("/api/v1/bookings", s.apiBook)
	post("/api/v1/bookings/:id/cancel", s.apiCancelBooking)
	post("/api/v1/bookings/:id/attendance", s.apiAttendance)
	get("/api/v1/bookings/:id/calendar.ics", s.bookingCalendar)

	get("/api/v1/applications", s.apiApplications)
	post("/api/v1/applications/:id/status", s.apiMoveApplication)
	post("/api/v1/applications/:id/withdraw", s.applicationAction((*passerelle.Service).WithdrawApplication))
	post("/api/v1/applications/:id/extend", s.applicationAction((*passerelle.Service).ExtendApplication))
	get("/api/v1/applications/:id/cv", s.applicationCV)

	// The programme's pages, per space.
	get("/employeurs/offres", s.employerOffers)
	get("/employeurs/offres/nouvelle", s.newOfferPage)
	post("/employeurs/offres", s.createOfferForm)
	get("/employeurs/offres/:id", s.offerDesk)
	post("/employeurs/offres/:id/creneaux", s.addSessionForm)
	post("/employeurs/offres/:id/cloture", s.closeOfferForm)
	post("/employeurs/candidatures/:id/statut", s.moveApplicationForm)
	post("/reservations/:id/annulation", s.cancelBookingForm)
	post("/reservations/:id/presence", s.attendanceForm)
	get("/offres/:id/creneaux", s.visitSessions)
	get("/visites/:id/reserver", s.bookPage)
	post("/visites/:id/reserver", s.bookForm)
	get("/etablissements/reservations", s.myBookings)
	get("/offres/:id/candidater", s.applyPage)
	post("/offres/:id/candidater", s.applyForm)
	get("/jeunes/candidatures", s.myApplications)
	post("/candidatures/:id/retrait", s.withdrawForm)
	get("/agents/moderation", s.moderationQueue)
	post("/agents/moderation/:id/publication", s.publishForm)
	post("/agents/moderation/:id/refus", s.rejectForm)
	get("/exports/:what/:format", s.export)
	get("/agents/personnes", s.staffPeople)
	post("/agents/personnes/:id/roles", s.changeRoles)
	post("/agents/personnes/:id/suspension", s.suspendUser)
	get("/agents/journal", s.auditLog)

	get("/e-mails/:token", s.emailPreferencesPage)
	post("/e-mails/:token", s.saveEmailPreferences)
	get("/e-mails/:token/desabonnement", s.emailPreferencesPage)
	post("/e-mails/:token/desabonnement", s.unsubscribe)
}

// method returns a registrar of routes of one HTTP method.
func (s *Server) method(m string) func(path string, handlers ...fiber.Handler) {
	return func(path string, handlers ...fiber.Handler) { s.route(m, path, handlers...) }
}
