package web

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/text/unicode/norm"
)

// sendDownload answers with data as a file to save under name: every
// download of the platform (files, receipts, exports, CVs) goes through it.
// The answer is private, as every answer is unless a handler says otherwise
// (see securityHeaders), and its type is never sniffed.
func sendDownload(c *fiber.Ctx, name, contentType string, data []byte) error {
	c.Set(fiber.HeaderContentType, contentType)
	c.Set(fiber.HeaderContentDisposition, contentDisposition(name))
	return c.Send(data)
}

// contentDisposition names a download as RFC 6266 says: filename* carries
// the name in UTF-8 (RFC 8187), which browsers prefer, and filename an ASCII
// stand-in for the clients that do not read filename*.
func contentDisposition(name string) string {
	return `attachment; filename="` + asciiName(name) + `"; filename*=UTF-8''` + extValue(name)
}

// asciiName drops the accents of name and replaces what ASCII cannot write,
// and what a quoted string cannot hold, with "_".
func asciiName(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 0x20 || r >= 0x7f || r == '"' || r == '\\':
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// extValue percent-encodes every byte of name but RFC 8187's attr-char.
func extValue(name string) string {
	var b strings.Builder
	for i := range len(name) {
		ch := name[i]
		if ch < 0x80 && (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' ||
			strings.IndexByte("!#$&+-.^_`|~", ch) >= 0) {
			b.WriteByte(ch)
		} else {
			fmt.Fprintf(&b, "%%%02X", ch)
		}
	}
	return b.String()
}
