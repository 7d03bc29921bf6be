package domain

import (
	"bytes"
	"time"
)

// DocumentKind is the role of an attachment in a file.
type DocumentKind string

const (
	DocStatutes      DocumentKind = "statutes"
	DocAccounts      DocumentKind = "accounts"
	DocBankDetails   DocumentKind = "bank_details"
	DocESUSAgreement DocumentKind = "esus_agreement" // required of ESUS enterprises only
	DocOther         DocumentKind = "other"
)

// DocumentKinds lists every kind in display order.
var DocumentKinds = []DocumentKind{DocStatutes, DocAccounts, DocBankDetails, DocESUSAgreement, DocOther}

// Valid reports whether k is a known kind.
func (k DocumentKind) Valid() bool {
	for _, known := range DocumentKinds {
		if k == known {
			return true
		}
	}
	return false
}

// MaxAttachmentSize bounds each uploaded file, below the web server's body limit.
const MaxAttachmentSize = 5 << 20

// Attachment is an uploaded file of a grant application; its bytes live in
// the file store under ID.
type Attachment struct {
	ID          string       `bson:"id" json:"id"`
	Kind        DocumentKind `bson:"kind" json:"kind"`
	Name        string       `bson:"name" json:"name"`
	ContentType string       `bson:"content_type" json:"content_type"`
	Size        int64        `bson:"size" json:"size"`
	UploadedBy  string       `bson:"uploaded_by" json:"uploaded_by"`
	UploadedAt  time.Time    `bson:"uploaded_at" json:"uploaded_at"`
}

// signatures are the magic bytes of the accepted formats.
var signatures = []struct {
	prefix      []byte
	contentType string
}{
	{[]byte("%PDF-"), "application/pdf"},
	{[]byte("\x89PNG\r\n\x1a\n"), "image/png"},
	{[]byte("\xff\xd8\xff"), "image/jpeg"},
}

// CheckAttachment returns the content type of data, read from its first
// bytes (never from its name or the browser's claim), or an error when the
// file is empty, too large or not a PDF, PNG or JPEG.
func CheckAttachment(data []byte) (string, error) {
	switch {
	case len(data) == 0:
		return "", FieldError("file", "error.attachment.empty")
	case len(data) > MaxAttachmentSize:
		return "", FieldError("file", "error.attachment.too_large")
	}
	for _, s := range signatures {
		if bytes.HasPrefix(data, s.prefix) {
			return s.contentType, nil
		}
	}
	return "", FieldError("file", "error.attachment.type")
}

// MissingDocuments lists the kinds a call requires that the file lacks; an
// ESUS agreement is required of ESUS enterprises only.
func MissingDocuments(required []DocumentKind, kind OrganisationKind, have []Attachment) []DocumentKind {
	present := map[DocumentKind]bool{}
	for _, a := range have {
		present[a.Kind] = true
	}
	var missing []DocumentKind
	for _, k := range required {
		if !present[k] && (k != DocESUSAgreement || kind == KindESUS) {
			missing = append(missing, k)
		}
	}
	return missing
}
