package browsertest

import "github.com/chromedp/chromedp"

// Session opens another tab with its own cookies and storage in the same
// Chromium, for journeys where several people take turns (staff, then two
// counsellors) without paying for another browser. It has the same checks.
func (b *Browser) Session() *Browser {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	s := &Browser{t: b.t, ctx: ctx, Timeout: b.Timeout, viewport: b.viewport}
	b.t.Cleanup(func() {
		s.finish()
		cancel()
	})
	if err := s.start(); err != nil {
		b.t.Fatalf("browsertest: new session: %v", err)
	}
	return s
}
