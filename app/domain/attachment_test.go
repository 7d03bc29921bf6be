package domain

import (
	"bytes"
	"testing"
)

func TestCheckAttachmentReadsContent(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string // content type, or the error key
	}{
		{"real PDF", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "application/pdf"},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "image/png"},
		{"JPEG", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), "image/jpeg"},
		{"fake PDF: an HTML page named statuts.pdf", []byte("<html><script>alert(1)</script>"), "error.attachment.type"},
		{"fake PDF: an executable", []byte("MZ\x90\x00%PDF-"), "error.attachment.type"},
		{"empty", nil, "error.attachment.empty"},
		{"too large", append([]byte("%PDF-"), bytes.Repeat([]byte{'x'}, MaxAttachmentSize)...), "error.attachment.too_large"},
	}
	for _, c := range cases {
		got, err := CheckAttachment(c.data)
		if err != nil {
			got = ErrorMessage(err)
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestMissingDocumentsAsksESUSAgreementOfESUSOnly(t *testing.T) {
	required := []DocumentKind{DocStatutes, DocESUSAgreement}
	have := []Attachment{{Kind: DocStatutes}}
	if m := MissingDocuments(required, KindAssociation, have); len(m) != 0 {
		t.Errorf("association missing %v", m)
	}
	if m := MissingDocuments(required, KindESUS, have); len(m) != 1 || m[0] != DocESUSAgreement {
		t.Errorf("ESUS missing %v", m)
	}
}
