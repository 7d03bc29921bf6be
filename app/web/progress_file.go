package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// fileSummary is the applicant's page of a file: where it stands, what is
// missing before submission, requests for information and messages.
func (s *Server) fileSummary(c *fiber.Ctx) error {
	return s.showFile(c, fiber.Map{})
}

func (s *Server) showFile(c *fiber.Ctx, data fiber.Map) error {
	g, call, err := s.applicantFile(c)
	if err != nil {
		return err
	}
	ctx, u := c.UserContext(), currentUser(c)
	if g.State == domain.GrantDraft {
		if data["Problems"], err = s.deps.Progress.Problems(ctx, u, g.ID); err != nil {
			return err
		}
	}
	notes, err := s.deps.Progress.Notes(ctx, u, g.ID)
	if err != nil {
		return err
	}
	data["Title"], data["File"], data["Call"], data["Notes"], data["Steps"] = g.Content.Project.Title, g, call, notes, progressSteps
	data["Open"], data["Now"] = call.IsOpen(s.deps.Now()), s.deps.Now()
	if data["CoEditors"], err = s.deps.Progress.CoEditors(ctx, u, g); err != nil {
		return err
	}
	data["IsAuthor"], data["CoEditorAdded"] = g.CreatedBy == u.ID, c.Query("coediteur") != ""
	if data["Title"] == "" {
		data["Title"] = s.localizer(c).T("progress.file.untitled")
	}
	return s.render(c, "progress_file", data)
}

// fileFailed shows the file page again with an action's error.
func (s *Server) fileFailed(c *fiber.Ctx, data fiber.Map, err error) error {
	if !failed(c, data, err) {
		return err
	}
	return s.showFile(c, data)
}

func (s *Server) submitFile(c *fiber.Ctx) error {
	if _, err := s.deps.Progress.Submit(c.UserContext(), currentUser(c), c.Params("id")); err != nil {
		return s.fileFailed(c, fiber.Map{}, err)
	}
	return c.Redirect("/progress/dossiers/"+c.Params("id")+"?depose=1", fiber.StatusSeeOther)
}

// inviteCoEditor names, by their email, another applicant of the
// association who then edits the file with its author.
func (s *Server) inviteCoEditor(c *fiber.Ctx) error {
	email := c.FormValue("co_editor")
	if _, err := s.deps.Progress.InviteCoEditor(c.UserContext(), currentUser(c), c.Params("id"), email); err != nil {
		return s.fileFailed(c, fiber.Map{"CoEditor": email}, err)
	}
	return c.Redirect("/progress/dossiers/"+c.Params("id")+"?coediteur=1#coediteurs", fiber.StatusSeeOther)
}

func (s *Server) answerInformation(c *fiber.Ctx) error {
	reply := c.FormValue("reply")
	if _, err := s.deps.Progress.AnswerInformation(c.UserContext(), currentUser(c), c.Params("id"), reply); err != nil {
		return s.fileFailed(c, fiber.Map{"Reply": reply}, err)
	}
	return c.Redirect("/progress/dossiers/"+c.Params("id"), fiber.StatusSeeOther)
}

func (s *Server) sendFileMessage(c *fiber.Ctx) error {
	body := c.FormValue("body")
	if err := s.deps.Progress.SendMessage(c.UserContext(), currentUser(c), c.Params("id"), body); err != nil {
		return s.fileFailed(c, fiber.Map{"Body": body}, err)
	}
	back := "/progress/dossiers/" + c.Params("id")
	if isStaff(currentUser(c)) {
		back = "/agents/progress/dossiers/" + c.Params("id")
	}
	return c.Redirect(back, fiber.StatusSeeOther)
}

func (s *Server) removeAttachment(c *fiber.Ctx) error {
	id := c.Params("id")
	if err := s.deps.Progress.RemoveAttachment(c.UserContext(), currentUser(c), id, c.Params("file")); err != nil {
		return err
	}
	return c.Redirect("/progress/dossiers/"+id+"/etapes/pieces", fiber.StatusSeeOther)
}

// downloadAttachment serves a file only through the access check of its
// application, always as a download.
func (s *Server) downloadAttachment(c *fiber.Ctx) error {
	a, data, err := s.deps.Progress.OpenAttachment(c.UserContext(), currentUser(c), c.Params("id"), c.Params("file"))
	if err != nil {
		return err
	}
	return sendDownload(c, a.Name, a.ContentType, data)
}

func (s *Server) fileReceipt(c *fiber.Ctx) error {
	pdf, err := s.deps.Progress.ReceiptFor(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return sendDownload(c, "accuse-reception-"+c.Params("id")+".pdf", "application/pdf", pdf)
}
