package main

import (
	"fmt"
	"io"
	"strings"
)

// stepPrinter draws a progress bar for long command-line work, one line per step.
type stepPrinter struct {
	out   io.Writer
	total int
	done  int
}

func newStepPrinter(out io.Writer, total int) *stepPrinter {
	return &stepPrinter{out: out, total: total}
}

func (p *stepPrinter) step(label string) {
	p.done++
	const width = 24
	filled := width * p.done / p.total
	fmt.Fprintf(p.out, "[%s%s] %d/%d %s\n", strings.Repeat("█", filled), strings.Repeat("·", width-filled),
		p.done, p.total, label)
}
