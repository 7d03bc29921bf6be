package web

// routes declares every route of the platform, in one place.
func (s *Server) routes() {
	s.middleware()
	s.app.Get("/static/*", s.assets.serve)
	s.app.Get("/healthz", s.healthz)
	s.app.Get("/readyz", s.readyz)
	s.app.Get("/metrics", s.metrics.handler())

	s.app.Get("/", s.home)
	s.app.Get("/jeunes", s.space("youth", 12, 0))
	s.app.Get("/etablissements", s.space("counsellor", 0, 20))
	s.app.Get("/employeurs", s.space("employer", 0, 0))
	s.app.Get("/progress", s.space("progress", 0, 0))
	s.app.Get("/agents", s.space("staff", 0, 0))
	s.app.Get("/offres/:id", s.offer)
}
