package web

import (
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/progress"
	"passerelle/matching"
)

// staffFiles lists a call's files with filters, counts per state and the
// jury's progress, with batch actions.
func (s *Server) staffFiles(c *fiber.Ctx) error {
	ctx, u := c.UserContext(), currentUser(c)
	call, err := s.deps.Progress.Call(ctx, c.Params("id"))
	if err != nil {
		return err
	}
	f := progress.Filter{State: domain.GrantState(c.Query("etat")), Commune: c.Query("commune"), Axis: c.Query("axe")}
	files, counts, err := s.deps.Progress.Files(ctx, u, call.ID, f)
	if err != nil {
		return err
	}
	sums, err := s.deps.Progress.Summaries(ctx, u, call)
	if err != nil {
		return err
	}
	comparison, err := s.deps.Progress.Allocation(ctx, u, call)
	if err != nil {
		return err
	}
	return s.render(c, "staff_files", fiber.Map{"Title": call.Title, "Call": call, "Files": files, "Counts": counts,
		"Summaries": sums, "Filter": f, "States": domain.GrantStates, "Decisions": batchStates, "Failed": failedFiles(c, files),
		"Allocation": allocationRows(files, comparison), "Difference": comparison.Difference})
}

// failedFiles names the files a batch action could not move (the "echec"
// parameters of the redirect), as the list shows them.
func failedFiles(c *fiber.Ctx, files []domain.GrantApplication) []string {
	var names []string
	for _, id := range c.Request().URI().QueryArgs().PeekMulti("echec") {
		if i := slices.IndexFunc(files, func(g domain.GrantApplication) bool { return g.ID == string(id) }); i >= 0 {
			names = append(names, fileName(&files[i]))
		}
	}
	return names
}

// fileName is how people know a file: its project's title, or its
// organisation's name before the project is written.
func fileName(g *domain.GrantApplication) string {
	if g.Content.Project.Title != "" {
		return g.Content.Project.Title
	}
	return g.Content.Identity.Name
}

// allocationRow puts the two budget proposals for one file side by side.
type allocationRow struct {
	File            domain.GrantApplication
	Greedy, Optimal domain.Money
	Why, WhyOptimal string
}

func allocationRows(files []domain.GrantApplication, c matching.BudgetComparison) []allocationRow {
	byID := map[string]domain.GrantApplication{}
	for _, g := range files {
		byID[g.ID] = g
	}
	optimal := map[string]matching.Decision{}
	for _, d := range c.Optimal.Decisions {
		optimal[d.ApplicationID] = d
	}
	rows := make([]allocationRow, 0, len(c.Greedy.Decisions))
	for _, d := range c.Greedy.Decisions {
		o := optimal[d.ApplicationID]
		rows = append(rows, allocationRow{File: byID[d.ApplicationID], Greedy: domain.Money(d.Amount), Optimal: domain.Money(o.Amount),
			Why: d.Explanation, WhyOptimal: o.Explanation})
	}
	return rows
}

// batchStates are the moves staff may apply to several files at once.
var batchStates = []domain.GrantState{domain.GrantInReview, domain.GrantSelected, domain.GrantWaitlisted, domain.GrantRejected}

func (s *Server) batchFiles(c *fiber.Ctx) error {
	form := formValues(c)
	failed, err := s.deps.Progress.Batch(c.UserContext(), currentUser(c), c.Params("id"), form["files"],
		domain.GrantState(form.Get("to")), form.Get("reason"))
	if err != nil {
		return err
	}
	back := url.Values{}
	for id := range failed {
		back.Add("echec", id)
	}
	return c.Redirect("/agents/progress/appels/"+c.Params("id")+"/dossiers?"+back.Encode(), fiber.StatusSeeOther)
}

func (s *Server) fundWaitlist(c *fiber.Ctx) error {
	if _, err := s.deps.Progress.FundWaitlist(c.UserContext(), currentUser(c), c.Params("id")); err != nil {
		return err
	}
	return c.Redirect("/agents/progress/appels/"+c.Params("id")+"/dossiers", fiber.StatusSeeOther)
}

func (s *Server) publishLaureates(c *fiber.Ctx) error {
	err := s.deps.Progress.PublishLaureates(c.UserContext(), currentUser(c), c.Params("id"), c.FormValue("publish") == "1")
	if err != nil {
		return err
	}
	return c.Redirect("/progress/appels/"+c.Params("id")+"/laureats", fiber.StatusSeeOther)
}

// laureates is the public page of a call's funded projects, once published.
func (s *Server) laureates(c *fiber.Ctx) error {
	kept, err := s.readModels.laureates.Get(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	call, list := kept.call, kept.list
	return s.render(c, "progress_laureates", fiber.Map{"Title": s.localizer(c).T("progress.laureates.title", call.Title),
		"Call": call, "Laureates": list})
}
