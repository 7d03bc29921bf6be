package web

import (
	"html/template"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/observatory"
	"passerelle/app/refdata"
)

// observatoryMaxAge bounds what writes alone do not change in the figures:
// an edition of PROGR'ESS that closes as time passes.
const observatoryMaxAge = time.Minute

// Licence Ouverte 2.0 (Etalab): the open data's licence, which the page,
// the data dictionary and every JSON answer name.
const (
	openLicence    = "Licence Ouverte / Open Licence 2.0"
	openLicenceURL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
)

// obsSlice is the part of the figures a request asks for: a commune or a
// territory (or all), a school year (or all).
type obsSlice struct{ Geo, Year string }

func (s obsSlice) at() map[string]string {
	return map[string]string{observatory.DimGeo: s.Geo, observatory.DimYear: s.Year}
}

var schoolYearPattern = regexp.MustCompile(`^(\d{4})-(\d{4})$`)

// readSlice reads the commune and the school year a request asks for (in
// its parameter yearParam: the page's annee, the API's school_year):
// unknown ones are refused in French (422), never shown as empty figures.
func readSlice(years []string, commune, year, yearParam string) (obsSlice, error) {
	commune, year = strings.TrimSpace(commune), strings.TrimSpace(year)
	if commune != "" && commune != observatory.Outside && !slices.ContainsFunc(observatory.Territories(),
		func(t observatory.Territory) bool { return t.Key == commune }) {
		if _, ok := refdata.CommuneByCode(commune); !ok {
			return obsSlice{}, domain.FieldError("commune", "error.observatory.commune")
		}
	}
	if year != "" {
		m := schoolYearPattern.FindStringSubmatch(year)
		if m == nil {
			return obsSlice{}, domain.FieldError(yearParam, "error.observatory.year_format")
		}
		if from, _ := strconv.Atoi(m[1]); strconv.Itoa(from+1) != m[2] {
			return obsSlice{}, domain.FieldError(yearParam, "error.observatory.year_format")
		}
		if !slices.Contains(years, year) {
			return obsSlice{}, domain.FieldError(yearParam, "error.observatory.year_unknown")
		}
	}
	return obsSlice{Geo: strings.Clone(commune), Year: strings.Clone(year)}, nil
}

// obsTable is one figure of the observatory: the page shows it as a chart
// and a table, the CSV and the API send the same rows and cells.
type obsTable struct {
	Name, Title, Dimension string
	DimLabel               string
	Measures               []string
	Heads                  []string
	Rows                   []obsRow
	Total                  obsRow
	Chart                  template.HTML
}

// obsRow is a line of a table; Sub marks a commune under its territory.
type obsRow struct {
	Key, Label string
	Sub        bool
	Cells      []obsCell
}

// obsCell is a figure as the page writes it (Text), as the CSV does (Raw)
// and its value, which a secret cell never carries out.
type obsCell struct {
	Text, Raw string
	Value     int64
	Secret    bool
}

// secretText stands for a secret cell, on the page and in the CSV.
const secretText = "< 5"

// moneyMeasures are in euros.
var moneyMeasures = []string{observatory.Requested, observatory.Awarded}

func (l localizer) obsCell(measure string, c observatory.Cell) obsCell {
	if c.Secret {
		return obsCell{Text: secretText, Raw: secretText, Secret: true}
	}
	text := l.Number(int(c.Value))
	if slices.Contains(moneyMeasures, measure) {
		text = l.Money(domain.Euros(c.Value))
	}
	return obsCell{Text: text, Raw: strconv.FormatInt(c.Value, 10), Value: c.Value}
}

// obsDimRow is a value of a dimension and how the table names it.
type obsDimRow struct {
	key, label string
	sub        bool
}

// observatoryTables builds every figure of the slice, in page order.
func (s *Server) observatoryTables(l localizer, fig *observatory.Figures, sl obsSlice) []obsTable {
	p, g := fig.Passerelle, fig.Progress
	var tables []obsTable
	add := func(cube *observatory.Cube, name, dim string, base map[string]string, measures []string, rows []obsDimRow) {
		t := obsTable{Name: name, Title: l.T("observatory.table." + name), Dimension: dim, Measures: measures,
			DimLabel: l.T("observatory.dimension." + dim)}
		for _, m := range measures {
			t.Heads = append(t.Heads, l.T("observatory.measure."+m))
		}
		row := func(key, label string, sub bool) obsRow {
			at := map[string]string{}
			for k, v := range base {
				at[k] = v
			}
			if key != "" {
				at[dim] = key
			}
			r := obsRow{Key: key, Label: label, Sub: sub}
			for _, m := range measures {
				r.Cells = append(r.Cells, l.obsCell(m, cube.Get(m, at)))
			}
			return r
		}
		for _, r := range rows {
			t.Rows = append(t.Rows, row(r.key, r.label, r.sub))
		}
		t.Total = row("", l.T("observatory.total"), false)
		t.Chart = obsChart(t)
		tables = append(tables, t)
	}
	base := sl.at()
	if !isLeaf(sl.Geo) {
		add(p, "passerelle-communes", observatory.DimGeo, base, observatory.PasserelleMeasures, geoRows(l, sl.Geo))
	}
	add(p, "passerelle-types", observatory.DimType, base, observatory.PasserelleMeasures, typeRows(l))
	add(p, "passerelle-familles", observatory.DimFamily, base, observatory.PasserelleMeasures, familyRows(l))
	add(p, "passerelle-ess", observatory.DimESS, base, observatory.PasserelleMeasures,
		[]obsDimRow{{key: observatory.ESSYes, label: l.T("observatory.ess.yes")}, {key: observatory.ESSNo, label: l.T("observatory.ess.no")}})
	if sl.Year == "" {
		var years []obsDimRow
		for _, y := range fig.Years {
			years = append(years, obsDimRow{key: y, label: y})
		}
		add(p, "passerelle-annees", observatory.DimYear, base, observatory.PasserelleMeasures, years)
	}
	// The outcomes of the applications add up to them: a table of one column
	// whose rows are measures.
	outcomes := obsTable{Name: "passerelle-issues", Title: l.T("observatory.table.passerelle-issues"),
		Dimension: "outcome", DimLabel: l.T("observatory.dimension.outcome"), Measures: []string{observatory.Applications}, Heads: []string{l.T("observatory.measure.applications")}}
	for _, m := range observatory.Outcomes {
		outcomes.Rows = append(outcomes.Rows, obsRow{Key: m, Label: l.T("observatory.outcome." + m),
			Cells: []obsCell{l.obsCell(m, p.Get(m, base))}})
	}
	outcomes.Total = obsRow{Label: l.T("observatory.total"),
		Cells: []obsCell{l.obsCell(observatory.Applications, p.Get(observatory.Applications, base))}}
	outcomes.Chart = obsChart(outcomes)
	tables = append(tables, outcomes)

	geoOnly := map[string]string{observatory.DimGeo: sl.Geo}
	var editions []obsDimRow
	for _, e := range fig.Editions {
		editions = append(editions, obsDimRow{key: e.ID, label: e.Title})
	}
	add(g, "progress-editions", observatory.DimEdition, geoOnly, observatory.ProgressMeasures, editions)
	if !isLeaf(sl.Geo) {
		add(g, "progress-communes", observatory.DimGeo, geoOnly, observatory.ProgressMeasures, geoRows(l, sl.Geo))
	}
	var axes []obsDimRow
	for _, a := range fig.Axes {
		axes = append(axes, obsDimRow{key: a, label: a})
	}
	add(g, "progress-axes", observatory.DimAxis, geoOnly, []string{observatory.Files, observatory.Laureates}, axes)
	return tables
}

// isLeaf reports whether geo has no communes under it: a commune, or
// outside the 92.
func isLeaf(geo string) bool { return geo == observatory.Outside || isCommune(geo) }

func isCommune(geo string) bool {
	_, ok := refdata.CommuneByCode(geo)
	return ok
}

// geoRows are the territories, each followed by its communes, and the
// offers outside the 92; or, for a territory, its communes.
func geoRows(l localizer, in string) []obsDimRow {
	var rows []obsDimRow
	for _, t := range observatory.Territories() {
		if in != "" && in != t.Key {
			continue
		}
		if in == "" {
			rows = append(rows, obsDimRow{key: t.Key, label: t.Name})
		}
		for _, c := range refdata.Communes() {
			if observatory.TerritoryOf(c.Code) == t.Key {
				rows = append(rows, obsDimRow{key: c.Code, label: c.Name, sub: in == ""})
			}
		}
	}
	if in == "" {
		rows = append(rows, obsDimRow{key: observatory.Outside, label: l.T("observatory.outside")})
	}
	return rows
}

func typeRows(l localizer) []obsDimRow {
	var rows []obsDimRow
	for _, t := range domain.OfferTypes {
		rows = append(rows, obsDimRow{key: string(t), label: l.OfferType(t)})
	}
	return rows
}

func familyRows(l localizer) []obsDimRow {
	var rows []obsDimRow
	for _, f := range refdata.TensionFamilies() {
		rows = append(rows, obsDimRow{key: f.Key, label: l.Tension(f.Key)})
	}
	return append(rows, obsDimRow{key: observatory.NoFamily, label: l.T("observatory.family.none")})
}

// obsChart draws a table's first column, its rows but not the communes
// under a territory, as bars that carry their label and value in text.
func obsChart(t obsTable) template.HTML {
	var bars []bar
	for _, r := range t.Rows {
		if !r.Sub {
			bars = append(bars, bar{Label: r.Label, Value: r.Cells[0].Value, Text: r.Cells[0].Text})
		}
	}
	if len(bars) == 0 {
		return ""
	}
	return barChart(t.Title+" — "+t.Heads[0], bars)
}

// observatoryFigures returns the kept figures and the slice the request
// asks for, its year in the query parameter yearParam.
func (s *Server) observatoryFigures(c *fiber.Ctx, yearParam string) (*observatory.Figures, obsSlice, error) {
	fig, err := s.readModels.observatory.Get(c.UserContext())
	if err != nil {
		return nil, obsSlice{}, err
	}
	sl, err := readSlice(fig.Years, c.Query("commune"), c.Query(yearParam), yearParam)
	return fig, sl, err
}

// obsPlace names the slice's commune or territory for the title.
func (l localizer) obsPlace(geo string) string {
	switch {
	case geo == "":
		return l.T("observatory.everywhere")
	case geo == observatory.Outside:
		return l.T("observatory.outside")
	case isCommune(geo):
		return l.Commune(geo)
	}
	for _, t := range observatory.Territories() {
		if t.Key == geo {
			return t.Name
		}
	}
	return geo
}

func (s *Server) observatoryPage(c *fiber.Ctx) error {
	fig, sl, err := s.observatoryFigures(c, "annee")
	if err != nil {
		return err
	}
	l := s.localizer(c)
	tables := s.observatoryTables(l, fig, sl)
	var grid template.HTML
	if sl.Geo == "" {
		grid = communeTiles(l, fig.Passerelle, sl)
	}
	split := slices.IndexFunc(tables, func(t obsTable) bool { return strings.HasPrefix(t.Name, "progress-") })
	if split < 0 {
		split = len(tables)
	}
	// A commune's page leads up to its territory's, a territory's to the département's.
	up := ""
	if isCommune(sl.Geo) {
		up = observatory.TerritoryOf(sl.Geo)
	}
	return s.render(c, "observatory", fiber.Map{"Title": l.T("observatory.title"), "Slice": sl, "Figures": fig,
		"Place": l.obsPlace(sl.Geo), "UpLink": "/observatoire" + obsQuery(obsSlice{Geo: up, Year: sl.Year}, "annee"), "UpPlace": l.obsPlace(up), "Passerelle": tables[:split], "Progress": tables[split:], "Tiles": grid,
		"Legend": tileLegend(l), "Territories": observatory.Territories(), "Communes": refdata.Communes(),
		"Query": obsQuery(sl, "annee"), "APIQuery": obsQuery(sl, "school_year"), "Licence": openLicence, "LicenceURL": openLicenceURL})
}

// obsQuery is the slice's query string, for the download links; the page
// names the year annee, the API school_year.
func obsQuery(sl obsSlice, yearParam string) string {
	q := url.Values{}
	if sl.Geo != "" {
		q.Set("commune", sl.Geo)
	}
	if sl.Year != "" {
		q.Set(yearParam, sl.Year)
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

// observatoryCSV sends one table of the page as CSV: « passerelle-types.csv ».
func (s *Server) observatoryCSV(c *fiber.Ctx) error {
	name, ok := strings.CutSuffix(c.Params("file"), ".csv")
	if !ok {
		return fiber.ErrNotFound
	}
	fig, sl, err := s.observatoryFigures(c, "annee")
	if err != nil {
		return err
	}
	for _, t := range s.observatoryTables(s.localizer(c), fig, sl) {
		if t.Name == name {
			return sendTable(c, "observatoire-"+t.Name, "csv", t.csvRows())
		}
	}
	return fiber.ErrNotFound
}

// csvRows are the table's header, rows and total, as the page shows them
// (secret cells « < 5 »), the values without thousands separators.
func (t obsTable) csvRows() [][]string {
	rows := [][]string{append([]string{t.Dimension, "label"}, t.Measures...)}
	for _, r := range append(slices.Clone(t.Rows), t.Total) {
		line := []string{r.Key, r.Label}
		if r.Key == "" {
			line[0] = observatory.All
		}
		for _, c := range r.Cells {
			line = append(line, c.Raw)
		}
		rows = append(rows, line)
	}
	return rows
}

func (s *Server) observatoryDictionary(c *fiber.Ctx) error {
	l := s.localizer(c)
	return s.render(c, "observatory_data", fiber.Map{"Title": l.T("observatory.data.title"),
		"Measures":   append(slices.Clone(observatory.PasserelleMeasures[:len(observatory.PasserelleMeasures)-1]), append(observatory.Outcomes, observatory.ProgressMeasures...)...),
		"Dimensions": []string{observatory.DimGeo, observatory.DimType, observatory.DimFamily, observatory.DimESS, observatory.DimYear, observatory.DimEdition, observatory.DimAxis},
		"Licence":    openLicence, "LicenceURL": openLicenceURL, "Threshold": observatory.Threshold,
		"Territories": observatory.Territories()})
}
