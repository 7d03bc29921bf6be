package web

import (
	"bytes"
	"encoding/csv"

	"github.com/gofiber/fiber/v2"
	"github.com/xuri/excelize/v2"

	"passerelle/app/domain"
)

// export serves offers, bookings or applications (what the user may see) as
// CSV (semicolons and a byte-order mark, as French spreadsheets expect) or XLSX.
func (s *Server) export(c *fiber.Ctx) error {
	t, err := s.exportTable(c)
	if err != nil {
		return err
	}
	switch c.Params("format") {
	case "csv":
		return sendExport(c, t.name+".csv", "text/csv; charset=utf-8", csvOf(t))
	case "xlsx":
		data, err := xlsxOf(t)
		if err != nil {
			return err
		}
		return sendExport(c, t.name+".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data)
	}
	return &domain.Error{Code: domain.ENOTFOUND, Message: "error.not_found"}
}

func (s *Server) exportTable(c *fiber.Ctx) (table, error) {
	ctx, u, l := c.UserContext(), currentUser(c), s.localizer(c)
	switch c.Params("what") {
	case "offres":
		offers, err := s.deps.Passerelle.OffersFor(ctx, u)
		return offersTable(l, offers), err
	case "reservations":
		bookings, err := s.deps.Passerelle.BookingsFor(ctx, u)
		return bookingsTable(l, bookings), err
	case "candidatures":
		apps, err := s.deps.Passerelle.ApplicationsFor(ctx, u)
		return applicationsTable(l, apps), err
	}
	return table{}, &domain.Error{Code: domain.ENOTFOUND, Message: "error.not_found"}
}

func sendExport(c *fiber.Ctx, filename, contentType string, data []byte) error {
	c.Set(fiber.HeaderContentType, contentType)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+filename+`"`)
	return c.Send(data)
}

func csvOf(t table) []byte {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	_ = w.Write(t.headers)
	_ = w.WriteAll(t.rows) // a bytes.Buffer does not fail
	return buf.Bytes()
}

func xlsxOf(t table) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	for i, row := range append([][]string{t.headers}, t.rows...) {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		values := make([]any, len(row))
		for j, v := range row {
			values[j] = v
		}
		if err := f.SetSheetRow(sheet, cell, &values); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
