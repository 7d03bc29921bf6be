package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/chromedp/chromedp"
)

// Visit loads url and waits for the page, which must answer a success status
// (or the one given to ExpectStatus) and log no error.
func (b *Browser) Visit(url string) {
	b.t.Helper()
	b.load("visit "+url, chromedp.Navigate(url))
}

// Click clicks the visible element and waits for the page it leads to: use it
// for links and submit buttons; ClickInPage for what stays on the page.
func (b *Browser) Click(selector string) {
	b.t.Helper()
	b.load("click "+selector, chromedp.Click(chromedp.CSS(selector), chromedp.NodeVisible))
}

// Submit submits the form holding selector and waits for the page it leads to.
func (b *Browser) Submit(selector string) {
	b.t.Helper()
	b.load("submit "+selector, chromedp.Submit(chromedp.CSS(selector)))
}

// ClickInPage clicks the visible element without waiting for a navigation:
// a checkbox, a disclosure, a script-driven control.
func (b *Browser) ClickInPage(selector string) {
	b.t.Helper()
	b.step("click "+selector, chromedp.Click(chromedp.CSS(selector), chromedp.NodeVisible))
}

// Fill replaces the field's value by typing it, so that input events fire.
// The old value is emptied through the property: chromedp's Clear fails on
// an empty textarea, which has no text node.
func (b *Browser) Fill(selector, value string) {
	b.t.Helper()
	field := chromedp.CSS(selector)
	quoted, _ := json.Marshal(selector)
	b.step("fill "+selector, chromedp.WaitVisible(field),
		chromedp.Evaluate[chromedp.Void]("document.querySelector("+string(quoted)+").value = ''"), chromedp.SendKeys(field, value))
}

// Choose sets the value of a select (or any field) without typing.
func (b *Browser) Choose(selector, value string) {
	b.t.Helper()
	b.step("choose "+selector, chromedp.SetValue(chromedp.CSS(selector), value, chromedp.NodeVisible))
}

// ExpectStatus makes the next page load expect status instead of a success,
// and tolerates the console error the browser logs for it.
func (b *Browser) ExpectStatus(status int) {
	b.expect = status
	b.console.allow(fmt.Sprintf("status of %d", status))
}

// Status is the HTTP status of the last page loaded.
func (b *Browser) Status() int { return b.status }

// Screenshot writes a full-page PNG to path, for the docs.
func (b *Browser) Screenshot(path string) {
	b.t.Helper()
	png := run(b, "screenshot", chromedp.FullScreenshot(100))
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		b.t.Fatalf("browsertest: screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o640); err != nil {
		b.t.Fatalf("browsertest: screenshot: %v", err)
	}
}

// SetViewport resizes the page as a desktop window of width×height.
func (b *Browser) SetViewport(width, height int) {
	b.t.Helper()
	b.viewport = viewport{width, height}
	b.step("resize", chromedp.EmulateViewport(int64(width), int64(height)))
}

func (b *Browser) load(what string, trigger chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.Timeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, trigger)
	if err != nil {
		b.t.Fatalf("browsertest: %s: %v", what, err)
	}
	expected := b.expect
	b.status, b.expect = int(resp.Status), 0
	if !statusAsExpected(b.status, expected) {
		b.t.Fatalf("browsertest: %s: %s answered %d %s", what, resp.URL, b.status, http.StatusText(b.status))
	}
	b.checkConsole(what)
}

// statusAsExpected is any success when nothing particular is expected.
func statusAsExpected(status, expected int) bool {
	if expected == 0 {
		return status < http.StatusBadRequest
	}
	return status == expected
}

func (b *Browser) step(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := b.do(actions...); err != nil {
		b.t.Fatalf("browsertest: %s: %v", what, err)
	}
	b.checkConsole(what)
}

// run runs one action returning a value, failing the test on error.
func run[T any](b *Browser, what string, action chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.Timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		b.t.Fatalf("browsertest: %s: %v", what, err)
	}
	return v
}

func (b *Browser) do(actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(b.ctx, b.Timeout)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

func (b *Browser) checkConsole(what string) {
	b.t.Helper()
	if err := b.console.sync(b.ctx, b.Timeout); err != nil {
		b.t.Fatalf("browsertest: %s: reading the console: %v", what, err)
	}
	if problems := b.console.take(); len(problems) > 0 {
		b.t.Fatalf("browsertest: %s on %s: the page logged errors:\n%s", what, b.URL(), bullets(problems))
	}
}
