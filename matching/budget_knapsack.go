package matching

import (
	"fmt"
	"math"
)

// choice is what the optimum gives one application.
type choice uint8

const (
	choiceNone choice = iota
	choiceFull
	choiceReduced
)

// knapsack returns, per ranked application, the choice maximising the total
// score (in thousandths of a point, so sums are exact) within the budget.
// Costs are whole euros rounded up and the budget is rounded down, so the
// optimum never overspends whatever the cents; dividing every cost and the
// budget by the costs' GCD (amounts are often round hundreds) shrinks the table.
func knapsack(ranked []GrantApplication, b GrantBudget) []choice {
	full, reduced := make([]int64, len(ranked)), make([]int64, len(ranked))
	unit := int64(0)
	for i, a := range ranked {
		o := optionsOf(a, b)
		full[i], reduced[i] = ceilEuros(o.full), ceilEuros(o.reduced)
		unit = gcd(gcd(unit, full[i]), reduced[i])
	}
	chosen := make([]choice, len(ranked))
	if unit == 0 {
		return chosen
	}
	unit = coarsen(unit, b.Total/100, len(ranked))
	capacity := int(b.Total / 100 / unit)
	fullUnits, reducedUnits := scale(full, unit), scale(reduced, unit)
	table := fillKnapsack(ranked, fullUnits, reducedUnits, capacity)
	for i := len(ranked) - 1; i >= 0; i-- {
		chosen[i] = table.row(i).get(capacity)
		capacity -= pick(chosen[i], fullUnits[i], reducedUnits[i])
	}
	return chosen
}

// maxKnapsackCells bounds the decision table (two bits a cell): 200
// applications over 100 000 € take 20 million cells (5 MB), a third of it.
const maxKnapsackCells = 1 << 26

// coarsen returns a unit large enough for the table to fit. Past the bound,
// costs are rounded up to the coarser unit: still never over budget, but
// then only near-optimal — a budget no call of the Département approaches.
func coarsen(unit, budgetEuros int64, n int) int64 {
	if cells := int64(n) * (budgetEuros/unit + 1); cells > maxKnapsackCells {
		unit *= cells/maxKnapsackCells + 1
	}
	return unit
}

// pick returns the full or reduced value according to c, 0 for none.
func pick[T int | int64](c choice, full, reduced T) T {
	switch c {
	case choiceFull:
		return full
	case choiceReduced:
		return reduced
	}
	return 0
}

// choiceTable holds the optimum's choice for each application (row) and
// capacity, packed two bits a cell to spare memory bandwidth.
type choiceTable struct {
	words  []uint64
	stride int
}

// choiceRow is one application's row of a choiceTable.
type choiceRow []uint64

func newChoiceTable(rows, capacity int) choiceTable {
	stride := (capacity + 32) / 32
	return choiceTable{words: make([]uint64, rows*stride), stride: stride}
}

func (t choiceTable) row(i int) choiceRow { return t.words[i*t.stride : (i+1)*t.stride] }

// set records c at capacity; each cell is set at most once.
func (r choiceRow) set(capacity int, c choice) { r[capacity/32] |= uint64(c) << (capacity % 32 * 2) }

func (r choiceRow) get(capacity int) choice { return choice(r[capacity/32] >> (capacity % 32 * 2) & 3) }

// fillKnapsack runs the dynamic programme over capacities 0..capacity and
// returns the decision table, row i for application i.
func fillKnapsack(ranked []GrantApplication, full, reduced []int, capacity int) choiceTable {
	best := make([]int64, capacity+1)
	table := newChoiceTable(len(ranked), capacity)
	for i, a := range ranked {
		relax(best, table.row(i), full[i], reduced[i], milliPoints(a.Score))
	}
	return table
}

// relax adds one application to best, descending so that each capacity
// reads the values from before this application (0/1, not unbounded). An
// option of cost 0 means "not possible"; the common case of a single option
// gets a loop without branches to spare.
func relax(best []int64, row choiceRow, full, reduced int, value int64) {
	switch {
	case value <= 0:
	case reduced == 0:
		relaxOne(best, row, full, value, choiceFull)
	case full == 0:
		relaxOne(best, row, reduced, value, choiceReduced)
	default:
		relaxTwo(best, row, full, reduced, value)
	}
}

func relaxOne(best []int64, row choiceRow, cost int, value int64, c choice) {
	if cost == 0 {
		return
	}
	for capacity := len(best) - 1; capacity >= cost; capacity-- {
		if v := best[capacity-cost] + value; v > best[capacity] {
			best[capacity] = v
			row.set(capacity, c)
		}
	}
}

// relaxTwo handles an application with both options: above the dearer one
// both are tried without bound checks, below it only the cheaper one can fit.
func relaxTwo(best []int64, row choiceRow, full, reduced int, value int64) {
	dearer := max(full, reduced)
	for capacity := len(best) - 1; capacity >= dearer; capacity-- {
		current, c := best[capacity], choiceNone
		if v := best[capacity-full] + value; v > current {
			current, c = v, choiceFull
		}
		if v := best[capacity-reduced] + value; v > current {
			current, c = v, choiceReduced
		}
		if c != choiceNone {
			best[capacity] = current
			row.set(capacity, c)
		}
	}
	cheaper, c := full, choiceFull
	if reduced < full {
		cheaper, c = reduced, choiceReduced
	}
	relaxOne(best[:min(dearer, len(best))], row, cheaper, value, c)
}

func milliPoints(score float64) int64 { return int64(math.Round(score * 1000)) }

func ceilEuros(cents int64) int64 { return (cents + 99) / 100 }

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func scale(costs []int64, unit int64) []int {
	scaled := make([]int, len(costs))
	for i, c := range costs {
		scaled[i] = int((c + unit - 1) / unit) // exact when unit divides c
	}
	return scaled
}

// euros formats cents the French way: "12 000 €", "12 000,50 €".
func euros(cents int64) string {
	whole, rest := cents/100, cents%100
	s := fmt.Sprint(whole)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "\u202f" + s[i:]
	}
	if rest != 0 {
		s += fmt.Sprintf(",%02d", rest)
	}
	return s + "\u00a0€"
}
