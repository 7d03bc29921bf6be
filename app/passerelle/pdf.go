package passerelle

import (
	"bytes"
	"regexp"

	"passerelle/app/domain"
)

// pdfHeader is the first line of a PDF: "%PDF-" and a version.
var pdfHeader = regexp.MustCompile(`^%PDF-[12]\.[0-9]`)

// pdfTail is how far from the end the trailer's %%EOF may be (some writers
// append whitespace or a few bytes after it).
const pdfTail = 1024

// CheckPDF accepts a CV only if it is a PDF by its content, not by its name
// or declared type: the version header, a cross-reference pointer and the
// end-of-file marker, within the size limit.
func CheckPDF(data []byte) error {
	switch {
	case len(data) == 0:
		return domain.FieldError("cv", "error.application.cv_empty")
	case len(data) > domain.CVMaxBytes:
		return domain.FieldError("cv", "error.application.cv_too_large")
	case !pdfHeader.Match(data) || !bytes.Contains(data, []byte("startxref")) ||
		!bytes.Contains(data[max(0, len(data)-pdfTail):], []byte("%%EOF")):
		return domain.FieldError("cv", "error.application.cv_not_pdf")
	}
	return nil
}
