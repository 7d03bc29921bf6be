package browsertest

import (
	"encoding/json"
	"strings"

	"github.com/chromedp/chromedp"
)

// URL is the address of the current page.
func (b *Browser) URL() string {
	b.t.Helper()
	return run(b, "read the location", chromedp.Location())
}

// Text is the visible text of the first element matching selector, trimmed.
func (b *Browser) Text(selector string) string {
	b.t.Helper()
	return strings.TrimSpace(run(b, "read "+selector, chromedp.Text(chromedp.CSS(selector))))
}

// Attr is the value of the element's attribute, empty when it has none.
func (b *Browser) Attr(selector, name string) string {
	b.t.Helper()
	return run(b, "read "+selector+"@"+name, chromedp.AttributeValue(chromedp.CSS(selector), name)).Value
}

// Count is the number of elements matching selector, possibly zero.
func (b *Browser) Count(selector string) int {
	b.t.Helper()
	quoted, _ := json.Marshal(selector) // a string always marshals
	return run(b, "count "+selector, chromedp.Evaluate[int]("document.querySelectorAll("+string(quoted)+").length"))
}
