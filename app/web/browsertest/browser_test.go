package browsertest

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder stands for the test so that a check can be seen failing: it
// records failures, and a fatal one ends the step as t.Fatal would.
type recorder struct {
	testing.TB
	mu       sync.Mutex
	failures []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) { r.add(fmt.Sprintf(format, args...)) }

func (r *recorder) Fatalf(format string, args ...any) {
	r.add(fmt.Sprintf(format, args...))
	runtime.Goexit()
}

func (r *recorder) Fatal(args ...any) {
	r.add(fmt.Sprint(args...))
	runtime.Goexit()
}

func (r *recorder) add(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures = append(r.failures, msg)
}

// failureOf runs step with b reporting to a recorder and returns what failed.
func failureOf(t *testing.T, b *Browser, step func(*Browser)) string {
	r := &recorder{TB: t}
	b.t = r
	done := make(chan struct{})
	go func() {
		defer close(done)
		step(b)
	}()
	<-done
	b.t = t
	// A failed step may leave its page's messages behind: they are this step's.
	if err := b.console.sync(b.ctx, b.Timeout); err != nil {
		t.Fatal(err)
	}
	b.console.take()
	return strings.Join(r.failures, "\n")
}

func TestBrowserHarness(t *testing.T) {
	site := newSite(t)
	b := New(t)
	for _, c := range []struct {
		name, want string
		step       func(*Browser)
	}{
		{"console error", "boom from the page", func(b *Browser) { b.Visit(site.URL + "/console") }},
		{"uncaught exception", "kaput", func(b *Browser) { b.Visit(site.URL + "/exception") }},
		{"script blocked by the CSP", "Content Security Policy", func(b *Browser) { b.Visit(site.URL + "/inline") }},
		{"error status", "answered 404", func(b *Browser) { b.Visit(site.URL + "/nowhere") }},
		{"missing element", "#absent", func(b *Browser) { b.Timeout = 300 * time.Millisecond; b.Text("#absent") }},
		{"horizontal scroll", "div.banner reaches", func(b *Browser) { b.Visit(site.URL + "/wide"); b.CheckMobile() }},
		{"image without text", "image-alt (critical)", func(b *Browser) { b.Visit(site.URL + "/inaccessible"); b.CheckAccessibility() }},
		{"field without label", "label (critical)", func(b *Browser) { b.Visit(site.URL + "/inaccessible"); b.CheckAccessibility() }},
	} {
		t.Run("fails on "+c.name, func(t *testing.T) {
			got := failureOf(t, b, c.step)
			b.Timeout = DefaultTimeout
			if !strings.Contains(got, c.want) {
				t.Errorf("failure %q does not mention %q", got, c.want)
			}
		})
	}
	t.Run("passes a clean journey", func(t *testing.T) {
		b.t = t
		defer func() { b.t = t }()
		cleanJourney(t, b, site.URL)
	})
}

func cleanJourney(t *testing.T, b *Browser, site string) {
	b.Visit(site + "/")
	b.CheckPage()
	b.Click("a[href='/form']")
	if got := b.Text("h1"); got != "Formulaire" {
		t.Fatalf("h1 after the click = %q", got)
	}
	b.Fill("#name", "Awa")
	b.Choose("#kind", "apprentissage")
	b.Submit("#name")
	if got := b.Text("h1"); got != "Awa / apprentissage" {
		t.Errorf("h1 after submitting = %q", got)
	}
	if b.Status() != 200 || !strings.HasPrefix(b.URL(), site+"/done?") {
		t.Errorf("after submitting: status %d at %s", b.Status(), b.URL())
	}
	if got := b.Attr("html", "lang"); got != "fr" || b.Count("h1") != 1 || b.Count("nav") != 0 {
		t.Errorf("lang %q, %d h1, %d nav", got, b.Count("h1"), b.Count("nav"))
	}
	b.ExpectStatus(404)
	b.Visit(site + "/nowhere")
	shot := filepath.Join(t.TempDir(), "docs", "page.png")
	b.Screenshot(shot)
	checkPNG(t, shot)
}

func checkPNG(t *testing.T, path string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is no PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w != desktop.width {
		t.Errorf("screenshot is %dpx wide, want the desktop's %d", w, desktop.width)
	}
}

func TestChromiumMissingSaysHowToInstall(t *testing.T) {
	t.Setenv("CHROMIUM_PATH", filepath.Join(t.TempDir(), "chromium"))
	_, err := chromiumPath()
	if err == nil || !strings.Contains(err.Error(), ".ci/install-deps") {
		t.Fatalf("error %v gives no install hint", err)
	}
}

func TestSessionsKeepTheirOwnCookies(t *testing.T) {
	site := newSite(t)
	awa := New(t)
	awa.Visit(site.URL + "/login?name=Awa")
	other := awa.Session()
	other.Visit(site.URL + "/whoami")
	awa.Visit(site.URL + "/whoami")
	if got := awa.Text("h1"); got != "Awa" {
		t.Errorf("first session sees %q, want Awa", got)
	}
	if got := other.Text("h1"); got != "anonyme" {
		t.Errorf("second session sees %q, want no cookie", got)
	}
}
