package refdata

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

// record is one row of an embedded CSV file, read by column name.
type record struct {
	file   string
	line   int
	header map[string]int
	values []string
}

// mustReadCSV reads an embedded CSV file whose header names at least the
// given columns.
func mustReadCSV(name string, sep rune, columns ...string) []record {
	content, err := files.ReadFile("data/" + name)
	if err != nil {
		panic(fmt.Sprintf("refdata: %v", err))
	}
	reader := csv.NewReader(bytes.NewReader(content))
	reader.Comma = sep
	rows, err := reader.ReadAll()
	if err != nil || len(rows) == 0 {
		panic(fmt.Sprintf("refdata: %s: cannot read CSV: %v", name, err))
	}
	header := indexBy(rows[0], strings.TrimSpace)
	for _, column := range columns {
		if _, ok := header[column]; !ok {
			panic(fmt.Sprintf("refdata: %s: missing column %q", name, column))
		}
	}
	records := make([]record, 0, len(rows)-1)
	for i, values := range rows[1:] {
		records = append(records, record{file: name, line: i + 2, header: header, values: values})
	}
	return records
}

func (r record) fail(column, problem string) {
	panic(fmt.Sprintf("refdata: %s line %d, column %s: %s", r.file, r.line, column, problem))
}

// text returns the trimmed value of a column.
func (r record) text(column string) string {
	i, ok := r.header[column]
	if !ok {
		r.fail(column, "no such column")
	}
	return strings.TrimSpace(r.values[i])
}

// float returns the numeric value of a required column.
func (r record) float(column string) float64 {
	f, err := strconv.ParseFloat(r.text(column), 64)
	if err != nil {
		r.fail(column, err.Error())
	}
	return f
}

// count returns the integer value of a column, 0 when it is empty.
func (r record) count(column string) int {
	value := r.text(column)
	if value == "" {
		return 0
	}
	n, err := strconv.Atoi(value)
	if err != nil {
		r.fail(column, err.Error())
	}
	return n
}

// flag reads the files' two ways of saying yes: "1" and "O" (oui).
func (r record) flag(column string) bool {
	value := r.text(column)
	return value == "1" || value == "O"
}
