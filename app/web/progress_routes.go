package web

import "github.com/gofiber/fiber/v2"

type registrar func(path string, handlers ...fiber.Handler)

// progressRoutes declares the PROGR'ESS pages: the public call and
// laureates, the applicant's file, staff instruction and the jury.
func (s *Server) progressRoutes(get, post registrar) {
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
}
