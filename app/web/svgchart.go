package web

import (
	"fmt"
	"html/template"
	"strings"
)

// bar is one line of a chart: its label, its size and the value as text.
type bar struct {
	Label string
	Value int64
	Text  string
}

// Chart geometry, in SVG units.
const (
	chartWidth  = 320
	labelWidth  = 130
	barHeight   = 22
	barGap      = 8
	valueMargin = 4
)

// barChart draws horizontal bars as SVG, server-side: each bar carries its
// label and its value in text, so the chart reads without colour, and the
// whole is an image named by title for screen readers.
func barChart(title string, bars []bar) template.HTML {
	var max int64 = 1
	for _, b := range bars {
		max = maxInt(max, b.Value)
	}
	height := len(bars)*(barHeight+barGap) + barGap
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart" viewBox="0 0 %d %d" width="100%%" role="img" aria-label="%s"><title>%s</title>`,
		chartWidth, height, template.HTMLEscapeString(title), template.HTMLEscapeString(title))
	room := chartWidth - labelWidth - 60
	for i, b := range bars {
		y := barGap + i*(barHeight+barGap)
		w := int(int64(room) * b.Value / max)
		fmt.Fprintf(&sb, `<text x="0" y="%d" dominant-baseline="middle" font-size="11">%s</text>`, y+barHeight/2, template.HTMLEscapeString(clip(b.Label, 22)))
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="%d" height="%d" fill="currentColor" stroke="currentColor"></rect>`, labelWidth, y, max1(w), barHeight)
		fmt.Fprintf(&sb, `<text x="%d" y="%d" dominant-baseline="middle" font-size="11">%s</text>`, labelWidth+max1(w)+valueMargin, y+barHeight/2, template.HTMLEscapeString(b.Text))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String()) // every text above is escaped
}

func maxInt(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// max1 keeps a bar of zero visible as a hairline.
func max1(w int) int {
	if w < 1 {
		return 1
	}
	return w
}

// clip shortens a label to n characters, with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
