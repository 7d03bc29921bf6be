package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/progress"
)

// progressDashboard shows a call's budget and files as SVG charts, with
// links to the exports.
func (s *Server) progressDashboard(c *fiber.Ctx) error {
	d, err := s.deps.Progress.CallDashboard(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	l := s.localizer(c)
	budget := []bar{
		{l.T("progress.dashboard.committed"), int64(d.Call.Committed), l.Money(d.Call.Committed)},
		{l.T("progress.dashboard.available"), int64(d.Call.Remaining()), l.Money(d.Call.Remaining())},
	}
	charts := []struct {
		key  string
		bars []bar
	}{
		{"progress.dashboard.budget", budget},
		{"progress.dashboard.by_state", countBars(d.ByState, func(k string) string { return l.T("progress.state." + k) })},
		{"progress.dashboard.by_commune", countBars(d.ByCommune, l.Commune)},
		{"progress.dashboard.by_axis", countBars(d.ByAxis, func(k string) string { return k })},
	}
	type chart struct {
		Title string
		SVG   any
		Bars  []bar
	}
	var list []chart
	for _, ch := range charts {
		list = append(list, chart{Title: l.T(ch.key), SVG: barChart(l.T(ch.key), ch.bars), Bars: ch.bars})
	}
	return s.render(c, "staff_dashboard", fiber.Map{"Title": l.T("progress.dashboard.title", d.Call.Title), "Call": d.Call,
		"Charts": list, "Exports": []string{"dossiers", "evaluations", "decisions"}})
}

func countBars(counts []progress.Count, label func(string) string) []bar {
	bars := make([]bar, len(counts))
	for i, c := range counts {
		bars[i] = bar{Label: label(c.Label), Value: int64(c.N), Text: strconv.Itoa(c.N)}
	}
	return bars
}

// progressExport sends one table of a call as CSV or XLSX: "dossiers.csv",
// "decisions.xlsx"…
func (s *Server) progressExport(c *fiber.Ctx) error {
	name, format, _ := strings.Cut(c.Params("file"), ".")
	tables, err := s.deps.Progress.Exports(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	for _, t := range tables {
		if t.Name == name {
			return sendTable(c, t.Name, format, t.Rows)
		}
	}
	return fiber.ErrNotFound
}
