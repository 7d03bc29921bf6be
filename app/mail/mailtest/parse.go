// Package mailtest runs a real SMTP server inside the test process and parses
// messages back, from that server or from an outbox folder.
package mailtest

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"

	appmail "passerelle/app/mail"
)

// Received is one message as a recipient sees it, parts decoded.
type Received struct {
	MailFrom    string   // SMTP envelope sender; empty for outbox files
	RcptTo      []string // SMTP envelope recipients; empty for outbox files
	AuthUser    string   // user who authenticated the SMTP session, if any
	TLS         bool     // whether the SMTP session was encrypted
	File        string   // path of the outbox file it was read from
	From        string   // address of the From header
	To          []string // addresses of the To header
	Subject     string   // decoded from RFC 2047 encoded-words
	Text        string
	HTML        string
	Headers     mail.Header
	Attachments []appmail.Attachment
	Raw         []byte
}

// maxDepth bounds multipart nesting: real messages use three levels at most,
// and unbounded recursion would let a crafted message exhaust the stack.
const maxDepth = 8

var wordDecoder = new(mime.WordDecoder)

// Parse reads an RFC 5322 message and decodes its subject, parts and
// attachments.
func Parse(raw []byte) (Received, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Received{}, fmt.Errorf("mailtest: read message: %w", err)
	}
	r := Received{Headers: msg.Header, Raw: raw}
	if r.Subject, err = wordDecoder.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return r, fmt.Errorf("mailtest: subject: %w", err)
	}
	if r.From, err = firstAddress(msg.Header, "From"); err != nil {
		return r, err
	}
	if r.To, err = addresses(msg.Header, "To"); err != nil {
		return r, err
	}
	return r, r.readPart(msg.Header, msg.Body, 0)
}

func firstAddress(h mail.Header, key string) (string, error) {
	list, err := addresses(h, key)
	if err != nil || len(list) == 0 {
		return "", err
	}
	return list[0], nil
}

func addresses(h mail.Header, key string) ([]string, error) {
	if h.Get(key) == "" {
		return nil, nil
	}
	list, err := h.AddressList(key)
	if err != nil {
		return nil, fmt.Errorf("mailtest: %s header: %w", key, err)
	}
	emails := make([]string, len(list))
	for i, a := range list {
		emails[i] = a.Address
	}
	return emails, nil
}

// header is what mail.Header and textproto.MIMEHeader have in common.
type header interface{ Get(string) string }

func (r *Received) readPart(h header, body io.Reader, depth int) error {
	if depth > maxDepth {
		return errors.New("mailtest: multipart nested too deep")
	}
	mediaType, params, err := contentType(h)
	if err != nil {
		return err
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		return r.readMultipart(body, params["boundary"], depth)
	}
	data, err := io.ReadAll(decoder(h.Get("Content-Transfer-Encoding"), body))
	if err != nil {
		return fmt.Errorf("mailtest: decode %s part: %w", mediaType, err)
	}
	r.addLeaf(h, mediaType, data)
	return nil
}

func contentType(h header) (string, map[string]string, error) {
	value := h.Get("Content-Type")
	if value == "" {
		return "text/plain", nil, nil // RFC 2045 §5.2 default
	}
	mediaType, params, err := mime.ParseMediaType(value)
	if err != nil {
		return "", nil, fmt.Errorf("mailtest: Content-Type %q: %w", value, err)
	}
	return mediaType, params, nil
}

func (r *Received) readMultipart(body io.Reader, boundary string, depth int) error {
	if boundary == "" {
		return errors.New("mailtest: multipart without boundary")
	}
	parts := multipart.NewReader(body, boundary)
	for {
		// NextRawPart: the parser decodes transfer encodings itself, the
		// same way for the top level and for parts.
		part, err := parts.NextRawPart()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("mailtest: multipart: %w", err)
		}
		if err := r.readPart(part.Header, part, depth+1); err != nil {
			return err
		}
	}
}

func decoder(encoding string, body io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		return quotedprintable.NewReader(body)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, body)
	}
	return body
}

// addLeaf files a decoded part: anything with a file name or an attachment
// disposition is an attachment, otherwise the first text and HTML parts are
// the message's bodies, with MIME's CRLF line ends turned back into '\n'.
func (r *Received) addLeaf(h header, mediaType string, data []byte) {
	disposition, params, _ := mime.ParseMediaType(h.Get("Content-Disposition"))
	name := params["filename"]
	if name != "" || disposition == "attachment" {
		name, _ = wordDecoder.DecodeHeader(name)
		r.Attachments = append(r.Attachments, appmail.Attachment{Filename: name, ContentType: h.Get("Content-Type"), Data: data})
		return
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	switch {
	case mediaType == "text/plain" && r.Text == "":
		r.Text = text
	case mediaType == "text/html" && r.HTML == "":
		r.HTML = text
	}
}
