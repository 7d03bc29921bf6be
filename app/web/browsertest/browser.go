// Package browsertest drives Debian's headless Chromium through chromedp for
// end-to-end tests. Every helper fails the test on what a user would suffer:
// a console error, an uncaught exception, an error page, a serious
// accessibility violation or a page wider than a phone.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// DefaultTimeout bounds each action, so that a hang fails the test instead of
// blocking CI.
const DefaultTimeout = 20 * time.Second

// Browser is one headless Chromium with one tab, reused across the steps of a
// test because starting Chromium costs far more than a page load.
type Browser struct {
	t       testing.TB
	ctx     context.Context
	console *consoleWatch
	expect  int // the HTTP status the next page load must answer, 0 for any success
	status  int
	// viewport is the desktop size CheckMobile comes back to.
	viewport viewport
	// Timeout bounds each action; DefaultTimeout unless the test changes it.
	Timeout time.Duration
}

// New starts Chromium with a fresh profile; the test's cleanup stops it, after
// a last check of the console.
func New(t testing.TB) *Browser {
	t.Helper()
	path, err := chromiumPath()
	if err != nil {
		t.Fatal(err)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocatorOptions(path, t.TempDir())...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	b := &Browser{t: t, ctx: ctx, Timeout: DefaultTimeout, viewport: desktop}
	t.Cleanup(func() {
		b.finish()
		cancelTab()
		cancelAlloc()
	})
	if err := b.start(); err != nil {
		t.Fatalf("browsertest: Chromium (%s) does not start: %v", path, err)
	}
	return b
}

// chromiumPath is Debian's Chromium unless CHROMIUM_PATH names another.
func chromiumPath() (string, error) {
	path := os.Getenv("CHROMIUM_PATH")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("browsertest: no Chromium at %s (%v): run .ci/install-deps, or set CHROMIUM_PATH", path, err)
	}
	return path, nil
}

// allocatorOptions make a quiet browser that asks for French pages, like
// most of the platform's visitors.
func allocatorOptions(path, profile string) []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.UserDataDir(profile),
		chromedp.WindowSize(desktop.width, desktop.height), chromedp.Flag("lang", "fr-FR"),
		chromedp.Flag("accept-lang", "fr-FR,fr")}
	for _, flag := range []string{"headless", "no-sandbox", "disable-gpu", "disable-quic", "no-first-run",
		"disable-background-networking", "disable-component-update", "disable-sync", "disable-dev-shm-usage"} {
		opts = append(opts, chromedp.Flag(flag, true))
	}
	return opts
}

// start launches the browser without a deadline, since the first run's context
// would bound the browser's whole life, and waits for it in a goroutine instead.
func (b *Browser) start() error {
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(b.ctx) }()
	select {
	case err := <-started:
		if err != nil {
			return err
		}
	case <-time.After(b.Timeout):
		return fmt.Errorf("no answer after %s", b.Timeout)
	}
	b.console = watchConsole(b.ctx)
	return b.do(b.viewport.emulate())
}

// finish reports the console errors that came after the last step, unless
// the test failed already, most likely on the same page.
func (b *Browser) finish() {
	if b.console == nil {
		return
	}
	if err := b.console.sync(b.ctx, b.Timeout); err != nil && !b.t.Failed() {
		b.t.Errorf("browsertest: console not readable at the end of the test: %v", err)
	}
	if problems := b.console.take(); len(problems) > 0 && !b.t.Failed() {
		b.t.Errorf("browsertest: the page logged errors after the last step:\n%s", bullets(problems))
	}
}
