package web

import "passerelle/app/passerelle"

// passerelleRoutes declares the JSON API of the youth–enterprise programme:
// offers, visit sessions, group bookings and applications.
func (s *Server) passerelleRoutes(get, post registrar) {
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
	s.passerellePages(get, post)
}

// passerellePages declares the programme's pages, per space.
func (s *Server) passerellePages(get, post registrar) {
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
}
