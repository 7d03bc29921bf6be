package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
	"passerelle/app/web/browsertest"
	"passerelle/jobs"
)

// The staff summary of a demo run lands in the outbox with one-click
// unsubscribe headers; its link opens the preferences page without signing
// in; a mail client's one-click POST, without cookie or form token, mutes
// the summary.
func TestJourneyStaffSummaryAndOneClickUnsubscribe(t *testing.T) {
	m := startDemoPlatform(t)
	if _, err := m.Jobs.RunNow(t.Context(), "staff_summary", jobs.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	summary := findEmail(t, m, "synthèse de la semaine")
	link := unsubscribeLink(t, summary.Headers.Get("List-Unsubscribe"))
	b := browsertest.New(t)
	b.Visit(m.URL() + link.RequestURI())
	b.CheckPage()
	resp, err := http.Post(m.URL()+link.RequestURI(), "application/x-www-form-urlencoded",
		strings.NewReader("List-Unsubscribe=One-Click"))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("one-click unsubscribe: %v %v", resp.Status, err)
	}
	resp.Body.Close()
	token := strings.TrimSuffix(strings.TrimPrefix(link.Path, "/e-mails/"), "/desabonnement")
	prefs, err := m.Notify.Preferences(t.Context(), token)
	if err != nil || prefs.Wants(domain.TopicStaffSummary) || prefs.Email != summary.To[0] {
		t.Fatalf("preferences after one-click: %+v %v", prefs, err)
	}
	savePreferencesForm(t, m, token)
}

// savePreferencesForm posts the page's form, as a browser without a session
// does, and checks that a forged link opens nothing.
func savePreferencesForm(t *testing.T, m *Main, token string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.PostForm(m.URL()+"/e-mails/"+token, url.Values{"recevoir": {"staff_summary", "visit_reminders"}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save preferences: %v %v", resp.Status, err)
	}
	resp.Body.Close()
	prefs, err := m.Notify.Preferences(t.Context(), token)
	if err != nil || !prefs.Wants(domain.TopicStaffSummary) || prefs.Wants(domain.TopicYouthDigest) {
		t.Fatalf("preferences after the form: %+v %v", prefs, err)
	}
	resp, err = http.Get(m.URL() + "/e-mails/" + token[:len(token)-2] + "xx")
	if err != nil || resp.StatusCode != http.StatusNotFound {
		t.Fatalf("a forged link: %v %v", resp.Status, err)
	}
	resp.Body.Close()
}

func findEmail(t *testing.T, m *Main, subject string) mailtest.Received {
	t.Helper()
	for _, msg := range mailtest.ReadOutbox(t, m.Config.DataPath("outbox")) {
		if strings.Contains(msg.Subject, subject) {
			return msg
		}
	}
	t.Fatalf("no email about %q in the outbox", subject)
	return mailtest.Received{}
}

// unsubscribeLink returns the https link of a List-Unsubscribe header.
func unsubscribeLink(t *testing.T, header string) *url.URL {
	t.Helper()
	for _, part := range strings.Split(header, ",") {
		part = strings.Trim(strings.TrimSpace(part), "<>")
		if strings.HasPrefix(part, "http") {
			u, err := url.Parse(part)
			if err != nil {
				t.Fatal(err)
			}
			return u
		}
	}
	t.Fatalf("no link in List-Unsubscribe %q", header)
	return nil
}

// shootEmail renders the HTML part in Chromium, as a mail client would, to
// name.png in EMAIL_SHOTS_DIR (docs/emails when refreshing the docs) or a
// temporary folder.
func shootEmail(t *testing.T, b *browsertest.Browser, msg mailtest.Received, name string) {
	t.Helper()
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(msg.HTML))
	}))
	defer site.Close()
	dir := os.Getenv("EMAIL_SHOTS_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	b.SetViewport(680, 900)
	b.Visit(site.URL)
	b.Screenshot(filepath.Join(dir, name+".png"))
}
