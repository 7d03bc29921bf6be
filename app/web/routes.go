package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// routes declares every route of the platform, in one place, each with who
// may use it (the rules are named in access.go): the one place to read the
// platform's authorisation, walked by TestAccessMatrix through Routes.
func (s *Server) routes() {
	s.middleware()
	get, post := s.method(fiber.MethodGet), s.method(fiber.MethodPost)
	put, del := s.method(fiber.MethodPut), s.method(fiber.MethodDelete)
	get("/static/*", public, s.assets.serve)
	get("/healthz", public, s.healthz)
	get("/readyz", public, s.readyz)
	get("/metrics", public, s.metrics.handler()) // scraped by monitoring, which has no session; counts only

	get("/", public, s.home)
	get("/jeunes", public, s.space("youth", youthShowcase))
	get("/etablissements", public, s.space("counsellor", counsellorShowcase))
	get("/employeurs", public, s.space("employer", noShowcase))
	get("/progress", public, s.space("progress", noShowcase))
	get("/agents", public, s.space("staff", noShowcase))
	get("/offres", public, s.searchPage)
	get("/offres/:id", public, s.offer)
	get("/api/v1/search", public.withKey(domain.ScopeOpenData), s.searchAPI)
	get("/api/v1/suggest", public.withKey(domain.ScopeOpenData), s.suggest)

	get("/connexion", public, s.signInPage)
	post("/connexion", public, s.signInWithPassword)
	post("/connexion/lien", public, s.requestMagicLink)
	get("/connexion/lien/:token", public, s.magicLinkPage)
	post("/connexion/lien/:token", public, s.useMagicLink)
	post("/deconnexion", signedIn, s.signOut)
	post("/deconnexion/partout", signedIn, s.signOutEverywhere)
	get("/inscription", public, s.signUpPage)
	post("/inscription", public, s.signUp)
	get("/verification/:token", public, s.verifyEmail)
	get("/mot-de-passe/oubli", public, s.forgotPage)
	post("/mot-de-passe/oubli", public, s.requestReset)
	get("/mot-de-passe/nouveau/:token", public, s.resetPage)
	post("/mot-de-passe/nouveau/:token", public, s.resetPassword)
	get("/compte", signedIn, s.accountPage)
	post("/compte/langue", signedIn, s.chooseEmailLanguage)
	get("/compte/donnees", signedIn, s.exportData)
	get("/compte/suppression", signedIn, s.deletionPage)
	post("/compte/suppression", signedIn, s.deleteAccount)
	get("/confidentialite", public, s.privacyPage)
	get("/mentions-legales", public, s.legalNotice)
	get("/accessibilite", public, s.accessibilityStatement)
	get("/plan-du-site", public, s.siteMap)
	get(supportPath, public, s.supportPage)
	get(supportFormPath, applicant, s.supportForm)
	post(supportFormPath, applicant, s.askSupport)
	get(supportMinePath, applicant, s.mySupportRequests)
	get(supportFollowPath, adviser, s.followedSupport)
	get(supportRequestPath+":id", anyOf(applicant, adviser, staffNotAdmin), s.supportRequest)
	post(supportRequestPath+":id/message", anyOf(applicant, adviser), s.writeSupport)
	post(supportRequestPath+":id/suivi", adviser, s.followSupport)
	post(supportRequestPath+":id/attribution", staffNotAdmin, s.assignSupport)
	get(staffSupportPath, staffNotAdmin, s.staffSupport)
	// The observatory: counts only, small cells secret; open data under the Licence Ouverte.
	get("/observatoire", public, s.observatoryPage)
	get("/observatoire/donnees", public, s.observatoryDictionary)
	get("/observatoire/tableaux/:file", public, s.observatoryCSV)
	get("/api/v1/open-data/offers", public.withKey(domain.ScopeOpenData), s.apiOpenOffers)
	get("/api/v1/open-data/figures", public.withKey(domain.ScopeOpenData), s.apiOpenFigures)
	get("/compte/profil", youth, s.profilePage)
	post("/compte/profil", youth, s.saveProfile)
	// The guardian has no account: the link is the proof.
	get("/consentement/:token", public, s.consentPage)
	post("/consentement/:token", public, s.giveConsent)

	get("/organisations/nouvelle", anyOf(counsellor, employer, applicant), s.newOrganisationPage)
	post("/organisations/nouvelle", anyOf(counsellor, employer, applicant), s.createOrganisation)
	get("/organisations/:id", signedIn.ownedBy("member", memberOf), s.organisationPage)
	post("/organisations/:id/invitations", signedIn.ownedBy("member", memberOf), s.inviteMember)
	get("/invitations/:token", signedIn, s.invitationPage)
	post("/invitations/:token", signedIn, s.acceptInvitation)
	post("/organisations/:id/presentation", signedIn.ownedBy("member", memberOf), s.savePresentation)
	post("/organisations/:id/temoignages", signedIn.ownedBy("member", memberOf), s.writeTestimony)
	get("/employeurs-du-92/:id", public, s.publicOrganisation)
	get("/agents/organisations", staff, s.staffOrganisations)
	post("/agents/organisations/:id/verification", staff, s.verifyOrganisation)
	get("/agents/temoignages", staff, s.staffTestimonies)
	post("/agents/temoignages/:id/publication", staff, s.moderateTestimony(true))
	post("/agents/temoignages/:id/refus", staff, s.moderateTestimony(false))

	// PROGR'ESS: the public call and laureates, the applicant's file, staff instruction and the jury. The service
	// checks, for each file, that the user edits it (applicants), is assigned to it without a conflict (reviewers)
	// or is staff.
	get("/progress/appels/:id", public, s.progressCall)
	post("/progress/appels/:id/candidature", applicant, s.startApplication)
	get("/progress/appels/:id/laureats", public, s.laureates)
	get("/progress/dossiers", applicant, s.myFiles)
	get("/progress/dossiers/:id", applicant, s.fileSummary)
	get("/progress/dossiers/:id/etapes/:step", applicant, s.fileStep)
	post("/progress/dossiers/:id/etapes/:step", applicant, s.saveStep)
	post("/progress/dossiers/:id/depot", applicant, s.submitFile)
	post("/progress/dossiers/:id/reponse", applicant, s.answerInformation)
	post("/progress/dossiers/:id/messages", anyOf(applicant, staffNotAdmin), s.sendFileMessage)
	post("/progress/dossiers/:id/pieces/:file/suppression", applicant, s.removeAttachment)
	get("/progress/dossiers/:id/pieces/:file", anyOf(applicant, reviewer, staffNotAdmin), s.downloadAttachment)
	get("/progress/dossiers/:id/accuse-reception.pdf", anyOf(applicant, staffNotAdmin), s.fileReceipt)
	post("/progress/dossiers/:id/coediteurs", applicant, s.inviteCoEditor)

	// Documents signed online: a party without an account opens theirs by the emailed link, which is the proof
	// (the one-time code sent to the same address confirms the signature); the PDF with its signatures is for
	// the parties signed in and staff, checked by the service.
	get("/signature/:token", public, s.signaturePage)
	get("/signature/:token/document.pdf", public, s.signaturePartyPDF)
	post("/signature/:token/code", public, s.signatureCode)
	post("/signature/:token", public, s.sign)
	get("/signatures", signedIn, s.mySignatures)
	get("/signatures/:id/document.pdf", signedIn, s.signaturePDF)
	get("/agents/signatures", staffNotAdmin, s.staffSignatures)
	// Internship agreements: the employer of the application prepares it, the employer and the youth follow
	// it; the service checks that the user is one of them.
	get("/conventions/:id.pdf", anyOf(employer, youth), s.internshipPDF) // before /conventions/:id, which would take it
	get("/conventions/:id", anyOf(employer, youth, counsellor), s.internshipPage)
	post("/conventions/:id", employer, s.prepareInternship)
	// Outing authorisations: the counsellor of the booking (or of its structure), checked by the service.
	get("/autorisations/:id", counsellor, s.outingPage)
	post("/autorisations/:id", counsellor, s.requestOutings)
	get("/autorisations/:id/formulaire.pdf", counsellor, s.outingPaperForm)
	get("/autorisations/:id/liste.pdf", counsellor, s.outingRoll)

	get("/agents/progress", staffNotAdmin, s.staffCalls)
	get("/agents/progress/appels/nouveau", staffNotAdmin, s.newCallPage)
	post("/agents/progress/appels", staffNotAdmin, s.saveCall)
	get("/agents/progress/appels/:id", staffNotAdmin, s.editCallPage)
	post("/agents/progress/appels/:id", staffNotAdmin, s.saveCall)
	get("/agents/progress/appels/:id/dossiers", staffNotAdmin, s.staffFiles)
	get("/agents/progress/appels/:id/tableau-de-bord", staffNotAdmin, s.progressDashboard)
	get("/agents/progress/appels/:id/exports/:file", staffNotAdmin, s.progressExport)
	post("/agents/progress/appels/:id/lot", staffNotAdmin, s.batchFiles)
	post("/agents/progress/appels/:id/liste-attente", staffNotAdmin, s.fundWaitlist)
	post("/agents/progress/appels/:id/publication", staffNotAdmin, s.publishLaureates)
	get("/agents/progress/dossiers/:id", staffNotAdmin, s.staffFile)
	post("/agents/progress/dossiers/:id/:action", staffNotAdmin, s.staffAction)

	get("/jury", reviewer, s.juryHome)
	get("/jury/dossiers/:id", reviewer, s.juryFile)
	post("/jury/dossiers/:id/conflit", reviewer, s.declareConflict)
	post("/jury/dossiers/:id/evaluation", reviewer, s.submitReview)

	// Visit campaigns (staff open, run and publish them; counsellors enter wishes) and suggested candidates. The
	// service checks that a counsellor changes only their own groups, for one of their own schools; the candidates'
	// handler that the offer is one of the employer's.
	get("/agents/campagnes", staff, s.staffCampaigns)
	post("/agents/campagnes", staff, s.createCampaign)
	get("/agents/campagnes/:id", staff, s.staffCampaign)
	post("/agents/campagnes/:id/sessions", staff, s.setCampaignSessions)
	post("/agents/campagnes/:id/repartition", staff, s.runCampaign)
	post("/agents/campagnes/:id/publication", staff, s.publishCampaign)

	get("/campagnes", counsellor, s.counsellorCampaigns)
	get("/campagnes/:id", counsellor, s.counsellorCampaign)
	post("/campagnes/:id/groupes", counsellor, s.saveCampaignGroup)

	get("/employeurs/offres/:id/candidats", employer, s.offerCandidates)

	// The youth–enterprise programme's JSON API: offers, sessions, group bookings, applications. The service
	// checks that the offer, session, booking or application belongs to the user's organisation, structure or person.
	get("/api/v1/openapi.json", public, s.openAPI)
	// A partner's key acts as an employer of its one organisation (see apikeys.go).
	get("/api/v1/offers", employer.withKey(domain.ScopeOffersRead), s.apiMyOffers)
	post("/api/v1/offers", employer.withKey(domain.ScopeOffersWrite), s.apiCreateOffer)
	post("/api/v1/offers/:id", employer.withKey(domain.ScopeOffersWrite), s.apiUpdateOffer)
	post("/api/v1/offers/:id/close", employer.withKey(domain.ScopeOffersWrite), s.offerAction((*passerelle.Service).CloseOffer))
	post("/api/v1/offers/:id/duplicate", employer.withKey(domain.ScopeOffersWrite), s.offerAction((*passerelle.Service).DuplicateOffer))
	post("/api/v1/offers/:id/publish", staffNotAdmin, s.offerAction((*passerelle.Service).PublishOffer))
	post("/api/v1/offers/:id/reject", staffNotAdmin, s.apiRejectOffer)
	get("/api/v1/moderation", staffNotAdmin, s.apiModerationQueue)
	get("/api/v1/me/favourites", youth, s.apiFavourites)
	put("/api/v1/me/favourites/:offerID", youth, s.apiSaveFavourite)
	del("/api/v1/me/favourites/:offerID", youth, s.apiRemoveFavourite)
	get("/api/v1/me/youths", counsellor, s.apiFollowedYouths) // the service keeps to the counsellor's structures
	get("/api/v1/offers/:id/sessions", public.withKey(domain.ScopeOpenData), s.apiSessions)
	post("/api/v1/offers/:id/sessions", employer.withKey(domain.ScopeOffersWrite), s.apiAddSession)
	post("/api/v1/offers/:id/applications", youth, s.apiApply)

	get("/api/v1/bookings", anyOf(counsellor, employer, staffNotAdmin), s.apiBookings)
	post("/api/v1/bookings", counsellor, s.apiBook)
	post("/api/v1/bookings/:id/cancel", anyOf(counsellor, employer), s.apiCancelBooking)
	post("/api/v1/bookings/:id/attendance", anyOf(counsellor, employer), s.apiAttendance)
	get("/api/v1/bookings/:id/calendar.ics", anyOf(counsellor, employer, staffNotAdmin), s.bookingCalendar)

	get("/api/v1/applications", anyOf(youth, employer), s.apiApplications)
	post("/api/v1/applications/:id/status", employer, s.apiMoveApplication)
	post("/api/v1/applications/:id/withdraw", youth, s.applicationAction((*passerelle.Service).WithdrawApplication))
	post("/api/v1/applications/:id/extend", employer, s.applicationAction((*passerelle.Service).ExtendApplication))
	get("/api/v1/applications/:id/cv", anyOf(youth, employer), s.applicationCV)
	get("/api/v1/applications/:id/messages", anyOf(youth, employer, staffNotAdmin), s.apiApplicationMessages)
	post("/api/v1/applications/:id/messages", anyOf(youth, employer), s.apiPostMessage)

	// The programme's pages, per space.
	get("/employeurs/offres", employer, s.employerOffers)
	get("/employeurs/offres/nouvelle", employer, s.newOfferPage)
	post("/employeurs/offres", employer, s.createOfferForm)
	get("/employeurs/offres/:id", employer, s.offerDesk)
	post("/employeurs/offres/:id/creneaux", employer, s.addSessionForm)
	post("/employeurs/offres/:id/cloture", employer, s.closeOfferForm)
	post("/employeurs/offres/:id/reouverture", employer, s.reopenOfferForm)
	get("/employeurs/offres/:id/modifier", employer, s.editOfferPage)
	post("/employeurs/offres/:id/modifier", employer, s.updateOfferForm)
	post("/employeurs/offres/:id/duplication", employer, s.duplicateOfferForm)
	post("/employeurs/candidatures/:id/statut", employer, s.moveApplicationForm)
	get("/employeurs/candidatures/:id", employer, s.applicationPage)
	post("/reservations/:id/annulation", anyOf(counsellor, employer), s.cancelBookingForm)
	post("/reservations/:id/presence", anyOf(counsellor, employer), s.attendanceForm)
	get("/offres/:id/creneaux", public, s.visitSessions)
	get("/visites/:id/reserver", counsellor, s.bookPage)
	post("/visites/:id/reserver", counsellor, s.bookForm)
	get("/etablissements/reservations", counsellor, s.myBookings)
	get("/offres/:id/candidater", youth, s.applyPage)
	post("/offres/:id/candidater", youth, s.applyForm)
	get("/jeunes/candidatures", youth, s.myApplications)
	post("/candidatures/:id/retrait", youth, s.withdrawForm)
	get("/jeunes/candidatures/:id", youth, s.applicationPage)
	post("/candidatures/:id/messages", anyOf(youth, employer), s.postMessageForm)
	post("/offres/:id/favori", youth, s.favouriteAction((*passerelle.Service).SaveFavourite, "favourite_saved"))
	post("/offres/:id/favori/retrait", youth, s.favouriteAction((*passerelle.Service).RemoveFavourite, "favourite_removed"))
	// Saved searches: the store finds only the signed-in youth's own.
	post("/offres/recherches", youth, s.saveSearch)
	post("/jeunes/recherches/:id/suppression", youth, s.deleteSavedSearch)
	post("/jeunes/recherches/:id/recapitulatif", youth, s.followSavedSearch)
	get("/agents/moderation", staffNotAdmin, s.moderationQueue)
	get("/agents/reservations", staffNotAdmin, s.staffBookings)
	post("/agents/moderation/:id/publication", staffNotAdmin, s.publishForm)
	post("/agents/moderation/:id/refus", staffNotAdmin, s.rejectForm)
	get("/exports/:what/:format", anyOf(employer, staffNotAdmin), s.export)
	get("/agents/personnes", staff, s.staffPeople)
	post("/agents/personnes/:id/roles", staff, s.changeRoles)
	post("/agents/personnes/:id/suspension", staff, s.suspendUser)
	get("/agents/journal", staff, s.auditLog)
	get("/agents/cles-api", staff, s.staffAPIKeys)
	post("/agents/cles-api", staff, s.createAPIKey)
	post("/agents/cles-api/:id/revocation", staff, s.revokeAPIKey)

	// Events: the public list and pages; organisers (staff, members of a verified organisation) create them and
	// record attendance; youths, counsellors, employers and associations register. The service checks that a
	// registration is the person's own or their organisation's, and that the organiser is staff or a member.
	get("/evenements", public, s.eventsPage)
	get("/evenements/nouveau", anyOf(staffNotAdmin, employer, counsellor, applicant, adviser), s.newEventPage)
	post("/evenements", anyOf(staffNotAdmin, employer, counsellor, applicant, adviser), s.createEventForm)
	get("/evenements/mes-evenements", anyOf(youth, counsellor, employer, applicant, adviser, staffNotAdmin), s.myEvents)
	get("/evenements/:id", public, s.eventPage)
	post("/evenements/:id/inscription", anyOf(youth, counsellor, employer, applicant), s.registerForm)
	post("/evenements/:id/annulation", anyOf(staffNotAdmin, employer, counsellor, applicant, adviser), s.cancelEventForm)
	post("/evenements/inscriptions/:id/annulation", anyOf(youth, counsellor, employer, applicant), s.cancelRegistrationForm)
	post("/evenements/inscriptions/:id/presence", anyOf(staffNotAdmin, employer, counsellor, applicant, adviser), s.eventAttendanceForm)
	get("/evenements/inscriptions/:id/calendrier.ics", anyOf(youth, counsellor, employer, applicant), s.registrationCalendar)

	// Promote work-study, make trades known, discover the ESS.
	get("/alternance/simulateur", public, s.simulator)
	get("/decouvrir", public, s.discoverIndex)
	get("/quel-metier", public, s.quiz)
	post("/quel-metier/enregistrer", youth, s.quizSave)
	get("/decouvrir/ess", public, s.discoverESS)
	get("/decouvrir/:famille", public, s.discoverFamily)
	get("/decouvrir/:famille/fiche.pdf", public, s.discoverSheet)
	get("/decouvrir/:famille/classe", public, s.classJourney)

	// Email preferences: the signed token in the path is the access (and the CSRF protection, see csrf.go);
	// one-click unsubscribe needs no session.
	get("/e-mails/:token", public, s.emailPreferencesPage)
	post("/e-mails/:token", public, s.saveEmailPreferences)
	get("/e-mails/:token/desabonnement", public, s.emailPreferencesPage)
	post("/e-mails/:token/desabonnement", public, s.unsubscribe)
}

// method returns a registrar of routes of one HTTP method.
func (s *Server) method(m string) func(path string, rule access, handlers ...fiber.Handler) {
	return func(path string, rule access, handlers ...fiber.Handler) { s.route(m, path, rule, handlers...) }
}
