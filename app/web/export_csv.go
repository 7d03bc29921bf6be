package web

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// sendTable answers with rows (the header row first) as a file named name,
// in format "csv" or "xlsx": every export of the platform goes through it.
func sendTable(c *fiber.Ctx, name, format string, rows [][]string) error {
	switch format {
	case "csv":
		return sendDownload(c, name+".csv", "text/csv; charset=utf-8", csvFile(rows))
	case "xlsx":
		data, err := writeXLSX(name, rows)
		if err != nil {
			return err
		}
		return sendDownload(c, name+".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data)
	}
	return fiber.ErrNotFound
}

// csvFile writes rows as French spreadsheets expect them (semicolons and a
// byte-order mark), every cell neutralised: the one CSV writer.
func csvFile(rows [][]string) []byte {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, cell := range row {
			cells[i] = neutralised(cell)
		}
		_ = w.Write(cells) // a bytes.Buffer does not fail
	}
	w.Flush()
	return buf.Bytes()
}

// neutralised keeps a spreadsheet from running a cell as a formula (OWASP's
// CSV injection advice): a cell that starts with = + - @, a tab or a carriage
// return is written as text behind an apostrophe, unless it is a plain number
// (a negative amount stays a number).
func neutralised(cell string) string {
	if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return cell
	}
	if _, err := strconv.ParseFloat(strings.Replace(cell, ",", ".", 1), 64); err == nil {
		return cell
	}
	return "'" + cell
}
