// Package observatory computes the public figures of both programmes (the
// observatory of the ESS strategy's « observer » axis): counts and sums by
// commune, territory, type, family, ESS and school year, never a person,
// with the small cells kept secret.
package observatory

import (
	"maps"
	"slices"
	"strings"
)

// All is the value of a dimension that a cell does not split: every value.
const All = "*"

// Threshold is the smallest number of facts (offers, bookings, files…) a
// published cell may count: cells of 1 to Threshold-1 are secret.
const Threshold = 5

// Dim is one dimension of a cube.
type Dim struct {
	Name string
	// Parent is the value one level up (a commune's territory); nil: All.
	Parent func(string) string
	// Additive: each fact has one value, so the values of a level add up to
	// their parent. Not so for a project's axes (it has several): such a
	// dimension forms no sum that could reveal a secret cell.
	Additive bool
}

func (d Dim) parent(v string) string {
	if v == All || d.Parent == nil {
		return All
	}
	return d.Parent(v)
}

// Cell is a figure: a count or a sum, and how many facts it counts.
type Cell struct {
	Value   int64 `json:"value"`
	Support int   `json:"-"`
	// Secret cells are shown « < 5 »: they count fewer than Threshold facts,
	// or their value would follow from the cells published next to them.
	Secret bool `json:"secret"`
}

// Cube holds every published cell of a set of measures over dimensions: a
// cell is a measure at one value (or All) of each dimension.
type Cube struct {
	dims    []Dim
	publish func(values []string) bool
	cells   map[string]*Cell
	// facts are the facts added, summed by measure and values: many facts
	// share them (offers of one type in one commune in one year), so each
	// combination is spread to its generalisations once.
	facts map[string]*fact
	// sums are measures that are the sum of others (applications are the sum
	// of their outcomes): the parts are suppressed with their total.
	sums map[string][]string
}

// newCube returns an empty cube; publish says which combinations of values
// are published (it must keep the generalisations of those it keeps).
func newCube(dims []Dim, publish func(values []string) bool) *Cube {
	return &Cube{dims: dims, publish: publish, cells: map[string]*Cell{}, facts: map[string]*fact{},
		sums: map[string][]string{}}
}

// fact is the sum of the facts of one measure at the same values.
type fact struct {
	measure string
	values  [][]string
	value   int64
	support int
}

func cellKey(measure string, values []string) string {
	return measure + "\x1f" + strings.Join(values, "\x1f")
}

// add counts a fact of value in measure: values holds, per dimension, the
// fact's values at the finest level (one, or several for a dimension that is
// not additive). suppress adds it to every published generalisation.
func (c *Cube) add(measure string, value int64, values ...[]string) {
	var sb strings.Builder
	sb.WriteString(measure)
	for _, v := range values {
		sb.WriteByte('\x1f')
		sb.WriteString(strings.Join(v, "\x1d"))
	}
	f := c.facts[sb.String()]
	if f == nil {
		f = &fact{measure: measure, values: values}
		c.facts[sb.String()] = f
	}
	f.value += value
	f.support++
}

// spread adds a sum of facts to every published generalisation of its values.
func (c *Cube) spread(f *fact) {
	measure, values := f.measure, f.values
	levels := make([][]string, len(c.dims))
	for i, d := range c.dims {
		for _, v := range values[i] {
			for ; ; v = d.parent(v) {
				if !slices.Contains(levels[i], v) {
					levels[i] = append(levels[i], v)
				}
				if v == All {
					break
				}
			}
		}
		if len(levels[i]) == 0 {
			levels[i] = []string{All}
		}
	}
	key := make([]string, len(c.dims))
	var walk func(i int)
	walk = func(i int) {
		if i == len(c.dims) {
			if c.publish(key) {
				k := cellKey(measure, key)
				cell := c.cells[k]
				if cell == nil {
					cell = &Cell{}
					c.cells[k] = cell
				}
				cell.Value += f.value
				cell.Support += f.support
			}
			return
		}
		for _, v := range levels[i] {
			key[i] = v
			walk(i + 1)
		}
	}
	walk(0)
}

// Get returns the cell of measure at the given values, by dimension name;
// a dimension not named is All. A cell nothing was counted in is zero.
func (c *Cube) Get(measure string, at map[string]string) Cell {
	values := make([]string, len(c.dims))
	for i, d := range c.dims {
		values[i] = All
		if v, ok := at[d.Name]; ok && v != "" {
			values[i] = v
		}
	}
	if cell := c.cells[cellKey(measure, values)]; cell != nil {
		return *cell
	}
	return Cell{}
}

// line is a set of cells whose values add up to a total.
type line struct {
	total   string
	members []string
}

// suppress keeps secret the cells that count fewer than Threshold facts
// (primary), then, wherever a sum is published with exactly one secret
// term, the smallest other term (secondary), until no published sum gives
// a secret cell away: totals, subtotals by territory, and the page of one
// commune or one year all come from the same cells, so they agree.
func (c *Cube) suppress() {
	for _, f := range c.facts {
		c.spread(f)
	}
	c.facts = nil
	for _, cell := range c.cells {
		if cell.Support > 0 && cell.Support < Threshold {
			cell.Secret = true
		}
	}
	lines := c.lines()
	for changed := true; changed; {
		changed = false
		for _, l := range lines {
			if c.protect(l) {
				changed = true
			}
		}
	}
}

// lines lists every published sum: along each additive dimension, the
// cells under one parent value; and each measure that sums others.
func (c *Cube) lines() []line {
	byID := map[string]*line{}
	var order []string
	keys := make([]string, 0, len(c.cells))
	for k := range c.cells {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the same secondary choices on every load
	for _, k := range keys {
		parts := strings.Split(k, "\x1f")
		measure, values := parts[0], parts[1:]
		for i, d := range c.dims {
			if !d.Additive || values[i] == All {
				continue
			}
			parent := slices.Clone(values)
			parent[i] = d.parent(values[i])
			total := cellKey(measure, parent)
			id := total + "\x1e" + d.Name
			l := byID[id]
			if l == nil {
				l = &line{total: total}
				byID[id] = l
				order = append(order, id)
			}
			l.members = append(l.members, k)
		}
	}
	list := make([]line, 0, len(order))
	for _, id := range order {
		list = append(list, *byID[id])
	}
	for _, total := range slices.Sorted(maps.Keys(c.sums)) {
		parts := c.sums[total]
		for _, k := range keys {
			if !strings.HasPrefix(k, total+"\x1f") {
				continue
			}
			values := strings.Split(k, "\x1f")[1:]
			l := line{total: k}
			for _, p := range parts {
				if pk := cellKey(p, values); c.cells[pk] != nil {
					l.members = append(l.members, pk)
				}
			}
			list = append(list, l)
		}
	}
	return list
}

// protect makes a second cell of l secret when only one is: the smallest
// term, else the total. It reports whether it changed anything.
func (c *Cube) protect(l line) bool {
	secret := 0
	if c.cells[l.total].Secret {
		secret++
	}
	for _, m := range l.members {
		if c.cells[m].Secret {
			secret++
		}
	}
	if secret != 1 {
		return false
	}
	var pick *Cell
	for _, m := range l.members {
		if cell := c.cells[m]; !cell.Secret && (pick == nil || cell.Value < pick.Value) {
			pick = cell
		}
	}
	if pick == nil {
		pick = c.cells[l.total]
	}
	pick.Secret = true
	return true
}
