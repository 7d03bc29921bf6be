package main

import (
	"fmt"
	"io"
	"strings"
)

// progress draws a bar for long command-line work, one line per step.
type progress struct {
	out   io.Writer
	total int
	done  int
}

func newProgress(out io.Writer, total int) *progress { return &progress{out: out, total: total} }

func (p *progress) step(label string) {
	p.done++
	const width = 24
	filled := width * p.done / p.total
	fmt.Fprintf(p.out, "[%s%s] %d/%d %s\n", strings.Repeat("█", filled), strings.Repeat("·", width-filled),
		p.done, p.total, label)
}
