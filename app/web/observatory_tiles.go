package web

import (
	"cmp"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"passerelle/app/observatory"
	"passerelle/app/refdata"
)

// A tile grid stands for the map of the 92 (no map tiles from outside): one
// square per commune, placed from its town hall's position.
const (
	tileColumns = 6 // the département is about 14 km wide and 24 km tall
	tileRows    = 9
	tileSize    = 50
	tileGap     = 4
	tileBand    = 12 // the patterned band that says the figure's class
)

// tile is a commune's square: its column, row and short name.
type tile struct {
	Code, Name, Short string
	Col, Row          int
}

// communeTilesLayout places each commune in the free square nearest its
// town hall, the most populated first; the same layout on every start.
var communeTilesLayout = sync.OnceValue(func() []tile {
	communes := refdata.Communes()
	minLat, maxLat, minLng, maxLng := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, c := range communes {
		minLat, maxLat = min(minLat, c.Lat), max(maxLat, c.Lat)
		minLng, maxLng = min(minLng, c.Lng), max(maxLng, c.Lng)
	}
	slices.SortStableFunc(communes, func(a, b refdata.Commune) int { return cmp.Compare(b.Population, a.Population) })
	taken := map[[2]int]bool{}
	var tiles []tile
	shorts := map[string]bool{}
	for _, c := range communes {
		x := (c.Lng - minLng) / (maxLng - minLng) * (tileColumns - 1)
		y := (maxLat - c.Lat) / (maxLat - minLat) * (tileRows - 1)
		best, bestD := [2]int{}, math.Inf(1)
		for col := range tileColumns {
			for row := range tileRows {
				if d := math.Hypot(float64(col)-x, float64(row)-y); !taken[[2]int{col, row}] && d < bestD {
					best, bestD = [2]int{col, row}, d
				}
			}
		}
		taken[best] = true
		tiles = append(tiles, tile{Code: c.Code, Name: c.Name, Col: best[0], Row: best[1]})
	}
	slices.SortFunc(tiles, func(a, b tile) int { return strings.Compare(a.Code, b.Code) })
	for i := range tiles {
		tiles[i].Short = shortName(tiles[i].Name, shorts)
		shorts[tiles[i].Short] = true
	}
	return tiles
})

// minorWords are left out of a commune's initials.
var minorWords = []string{"la", "le", "les", "sur", "aux", "d", "l", "de"}

// shortName abbreviates a commune for its tile: the initials of a
// compound name (Boulogne-Billancourt: BB), else the first three letters
// (NAN), else the first two and a later one, unlike every name in taken.
func shortName(name string, taken map[string]bool) string {
	words := strings.FieldsFunc(strings.ToUpper(refdata.Fold(name)), func(r rune) bool { return !unicode.IsLetter(r) })
	var major []string
	for _, w := range words {
		if !slices.Contains(minorWords, strings.ToLower(w)) {
			major = append(major, w)
		}
	}
	if len(major) > 1 {
		var initials string
		for _, w := range major {
			initials += w[:1]
		}
		if !taken[initials] {
			return initials
		}
	}
	w := strings.Join(major, "")
	if len(w) >= 3 && !taken[w[:3]] {
		return w[:3]
	}
	for i := 3; i < len(w); i++ {
		if s := w[:2] + w[i:i+1]; !taken[s] {
			return s
		}
	}
	return w
}

// tileClass is the pattern of a figure: secret, none, then thirds of the
// largest value shown.
func tileClass(c observatory.Cell, top int64) string {
	switch {
	case c.Secret:
		return "secret"
	case c.Value == 0:
		return "none"
	case c.Value*3 <= top:
		return "low"
	case c.Value*3 <= top*2:
		return "mid"
	}
	return "high"
}

// communeTiles draws the tile grid of the offers published in each
// commune, each square a link to the commune's figures that says its name
// and figure, its band patterned by class (readable without colour); the
// commune table on the page is its text alternative.
func communeTiles(l localizer, cube *observatory.Cube, sl obsSlice) template.HTML {
	tiles := communeTilesLayout()
	cells := map[string]observatory.Cell{}
	var top int64 = 1
	for _, t := range tiles {
		c := cube.Get(observatory.Offers, map[string]string{observatory.DimGeo: t.Code, observatory.DimYear: sl.Year})
		cells[t.Code] = c
		if !c.Secret {
			top = max(top, c.Value)
		}
	}
	step := tileSize + tileGap
	var sb strings.Builder
	title := l.T("observatory.tiles.title")
	fmt.Fprintf(&sb, `<svg class="tiles" viewBox="0 0 %d %d" width="100%%" aria-labelledby="tiles-title"><title id="tiles-title">%s</title>`,
		tileColumns*step, tileRows*step, template.HTMLEscapeString(title))
	sb.WriteString(tilePatterns)
	// The links hold the squares; the short names and figures are drawn over
	// them, hidden from screen readers (the links' names say them in full)
	// and letting clicks through to the links.
	var texts strings.Builder
	for _, t := range tiles {
		c := cells[t.Code]
		value := l.obsCell(observatory.Offers, c).Text
		href := "/observatoire?commune=" + t.Code
		if sl.Year != "" {
			href += "&annee=" + sl.Year
		}
		label := l.T("observatory.tiles.tile", t.Name, value)
		x, y := t.Col*step, t.Row*step
		fmt.Fprintf(&sb, `<a href="%s" aria-label="%s"><title>%s</title>`, template.HTMLEscapeString(href),
			template.HTMLEscapeString(label), template.HTMLEscapeString(label))
		fmt.Fprintf(&sb, `<rect class="tile" x="%d" y="%d" width="%d" height="%d" rx="3"></rect>`, x, y, tileSize, tileSize)
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="%d" height="%d" fill="url(#tile-%s)" stroke="currentColor"></rect>`,
			x, y+tileSize-tileBand, tileSize, tileBand, tileClass(c, top))
		sb.WriteString(`</a>`)
		fmt.Fprintf(&texts, `<text x="%d" y="%d" text-anchor="middle" font-size="12" font-weight="bold">%s</text>`,
			x+tileSize/2, y+15, template.HTMLEscapeString(t.Short))
		fmt.Fprintf(&texts, `<text x="%d" y="%d" text-anchor="middle" font-size="11">%s</text>`,
			x+tileSize/2, y+30, template.HTMLEscapeString(value))
	}
	fmt.Fprintf(&sb, `<g aria-hidden="true" pointer-events="none">%s</g>`, texts.String())
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String()) // every text above is escaped
}

// tileLegend lists the classes of the tile grid with their patterns,
// which the grid defines.
func tileLegend(l localizer) template.HTML {
	var sb strings.Builder
	sb.WriteString(`<ul class="tiles-legend">`)
	for _, class := range []string{"none", "low", "mid", "high", "secret"} {
		fmt.Fprintf(&sb, `<li><svg width="36" height="14" aria-hidden="true" focusable="false"><rect width="36" height="14" fill="url(#tile-%s)" stroke="currentColor"></rect></svg> %s</li>`,
			class, template.HTMLEscapeString(l.T("observatory.tiles.class."+class)))
	}
	sb.WriteString(`</ul>`)
	return template.HTML(sb.String()) // the labels are escaped
}

// tilePatterns are the fills of the classes: blank, sparse dots, dense
// dots, solid, and hatching for a secret figure.
const tilePatterns = `<defs>` +
	`<pattern id="tile-none" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"></rect></pattern>` +
	`<pattern id="tile-low" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"></rect><circle cx="3" cy="3" r="1" fill="#1f2a44"></circle></pattern>` +
	`<pattern id="tile-mid" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#fff"></rect><circle cx="2" cy="2" r="1.3" fill="#1f2a44"></circle></pattern>` +
	`<pattern id="tile-high" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#1f2a44"></rect></pattern>` +
	`<pattern id="tile-secret" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"></rect><line x1="0" y1="0" x2="0" y2="6" stroke="#1f2a44" stroke-width="2"></line></pattern>` +
	`</defs>`
