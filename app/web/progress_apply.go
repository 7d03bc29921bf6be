package web

import (
	"io"
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/progress"
	"passerelle/app/refdata"
)

// progressSteps are the steps of the application form, in order; each
// saves the draft, so leaving between steps loses nothing.
var progressSteps = []string{"identite", "projet", "budget", "pieces"}

// progressCall is the public page of a call: conditions and countdown.
func (s *Server) progressCall(c *fiber.Ctx) error {
	call, err := s.readModels.calls.Get(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	var orgs []domain.Organisation
	if u := currentUser(c); u != nil && u.HasRole(domain.RoleApplicant) && len(u.OrganisationIDs) > 0 {
		if orgs, err = s.deps.People.OrganisationsByIDs(c.UserContext(), u.OrganisationIDs); err != nil {
			return err
		}
	}
	return s.render(c, "progress_call", fiber.Map{"Title": call.Title, "Call": call, "Now": s.deps.Now(),
		"Open": call.IsOpen(s.deps.Now()), "Organisations": eligible(call, orgs)})
}

// eligible keeps the organisations whose legal form the call accepts.
func eligible(call *domain.Call, orgs []domain.Organisation) []domain.Organisation {
	var ok []domain.Organisation
	for _, o := range orgs {
		if call.Accepts(o.Kind) {
			ok = append(ok, o)
		}
	}
	return ok
}

// startApplication opens (or reopens) the draft of one of the applicant's
// organisations.
func (s *Server) startApplication(c *fiber.Ctx) error {
	g, err := s.deps.Progress.StartApplication(c.UserContext(), currentUser(c), c.Params("id"), c.FormValue("organisation"))
	if err != nil {
		return err
	}
	return c.Redirect("/progress/dossiers/"+g.ID+"/etapes/identite", fiber.StatusSeeOther)
}

func (s *Server) myFiles(c *fiber.Ctx) error {
	files, err := s.deps.Progress.MyFiles(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	return s.render(c, "progress_files", fiber.Map{"Title": s.localizer(c).T("progress.files.title"), "Files": files})
}

func (s *Server) fileStep(c *fiber.Ctx) error {
	g, call, err := s.applicantFile(c)
	if err != nil {
		return err
	}
	return s.renderStep(c, g, call, stepForm(c.Params("step"), g), fiber.Map{"Saved": c.Query("enregistre") != ""})
}

func (s *Server) applicantFile(c *fiber.Ctx) (*domain.GrantApplication, *domain.Call, error) {
	if !slices.Contains(progressSteps, c.Params("step", progressSteps[0])) {
		return nil, nil, &domain.Error{Code: domain.ENOTFOUND, Message: "error.not_found"}
	}
	ctx := c.UserContext()
	g, err := s.deps.Progress.ViewFile(ctx, currentUser(c), c.Params("id"))
	if err != nil {
		return nil, nil, err
	}
	call, err := s.deps.Progress.Call(ctx, g.CallID)
	return g, call, err
}

func stepForm(step string, g *domain.GrantApplication) url.Values {
	switch step {
	case "identite":
		return identityForm(g.Content.Identity)
	case "projet":
		return projectForm(g.Content.Project)
	}
	return budgetForm(g.Content.Budget)
}

func (s *Server) renderStep(c *fiber.Ctx, g *domain.GrantApplication, call *domain.Call, form url.Values, data fiber.Map) error {
	step := c.Params("step")
	data["Title"], data["File"], data["Call"], data["Step"], data["Steps"] = s.localizer(c).T("progress.step."+step), g, call, step, progressSteps
	data["Form"], data["Rows"], data["Communes"] = form, make([]struct{}, budgetRows), refdata.Communes()
	data["Editable"] = g.CanEdit(currentUser(c).ID) && g.Reopened(section(step))
	data["ResourceKinds"] = []domain.ResourceKind{domain.ResourceRequest, domain.ResourceCoFunding, domain.ResourceOwn}
	data["DocumentKinds"] = domain.DocumentKinds
	return s.render(c, "progress_step", data)
}

// section is the part of the file a step writes.
func section(step string) string {
	return map[string]string{"identite": "identity", "projet": "project", "budget": "budget", "pieces": "attachments"}[step]
}

// saveStep saves what was typed, complete or not; refused input is shown
// again exactly as typed, with the message next to its field.
func (s *Server) saveStep(c *fiber.Ctx) error {
	g, call, err := s.applicantFile(c)
	if err != nil {
		return err
	}
	step, form := c.Params("step"), formValues(c)
	if step == "pieces" {
		return s.uploadAttachment(c, g, call)
	}
	if err := s.saveSection(c, g, step, form); err != nil {
		data := fiber.Map{}
		if !failed(c, data, err) {
			return err
		}
		return s.renderStep(c, g, call, form, data)
	}
	return c.Redirect(nextStep(g.ID, step, c.FormValue("next") != ""), fiber.StatusSeeOther)
}

func (s *Server) saveSection(c *fiber.Ctx, g *domain.GrantApplication, step string, form url.Values) error {
	ctx, u, svc := c.UserContext(), currentUser(c), s.deps.Progress
	switch step {
	case "identite":
		return svc.SaveIdentity(ctx, u, g.ID, identityOf(form, g.Content.Identity))
	case "projet":
		return svc.SaveProject(ctx, u, g.ID, projectOf(form))
	}
	plan, err := budgetOf(form)
	if err != nil {
		return err
	}
	return svc.SaveBudget(ctx, u, g.ID, plan)
}

// nextStep goes on to the following step, or stays with a confirmation.
func nextStep(id, step string, next bool) string {
	i := slices.Index(progressSteps, step)
	if !next {
		return "/progress/dossiers/" + id + "/etapes/" + step + "?enregistre=1"
	}
	if i+1 < len(progressSteps) {
		return "/progress/dossiers/" + id + "/etapes/" + progressSteps[i+1]
	}
	return "/progress/dossiers/" + id
}

func (s *Server) uploadAttachment(c *fiber.Ctx, g *domain.GrantApplication, call *domain.Call) error {
	up, err := readUpload(c)
	if err == nil {
		_, err = s.deps.Progress.AddAttachment(c.UserContext(), currentUser(c), g.ID, up)
	}
	if err != nil {
		data := fiber.Map{}
		if !failed(c, data, err) {
			return err
		}
		return s.renderStep(c, g, call, url.Values{}, data)
	}
	return c.Redirect("/progress/dossiers/"+g.ID+"/etapes/pieces?enregistre=1", fiber.StatusSeeOther)
}

func readUpload(c *fiber.Ctx) (progress.Upload, error) {
	fh, err := c.FormFile("file")
	if err != nil {
		return progress.Upload{}, domain.FieldError("file", "error.attachment.empty")
	}
	if fh.Size > domain.MaxAttachmentSize {
		return progress.Upload{}, domain.FieldError("file", "error.attachment.too_large")
	}
	f, err := fh.Open()
	if err != nil {
		return progress.Upload{}, err
	}
	defer f.Close()
	data := make([]byte, fh.Size)
	if _, err := io.ReadFull(f, data); err != nil {
		return progress.Upload{}, err
	}
	return progress.Upload{Kind: domain.DocumentKind(c.FormValue("kind")), Name: fh.Filename, Data: data}, nil
}
