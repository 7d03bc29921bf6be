package main

import (
	"strings"
	"testing"

	"passerelle/app/mail/mailtest"
	"passerelle/search/searchtest"
)

// With the production parts configured (a real Meilisearch and an SMTP
// server), /readyz answers 503 naming the part that went down.
func TestReadinessFollowsTheRealParts(t *testing.T) {
	meili := searchtest.RunMeilisearch(t)
	smtp := mailtest.Start(t)
	cfg := testConfig(t)
	cfg.Search.MeilisearchURL, cfg.Search.MeilisearchKey = meili.URL, meili.Key
	cfg.Mail.SMTPHost, cfg.Mail.SMTPPort, cfg.Mail.SMTPTLS = smtp.Host(), smtp.Port(), "none"
	m := startMain(t, cfg, false)

	if status, body := httpGet(t, m.URL()+"/readyz"); status != 200 {
		t.Fatalf("all parts up: %d %s", status, body)
	}
	meili.Stop()
	status, body := httpGet(t, m.URL()+"/readyz")
	if status != 503 || !strings.Contains(body, `"search":"unavailable"`) || !strings.Contains(body, `"mail":"ok"`) {
		t.Fatalf("search down: %d %s", status, body)
	}
	meili.Restart(t)
	smtp.Stop()
	status, body = httpGet(t, m.URL()+"/readyz")
	if status != 503 || !strings.Contains(body, `"mail":"unavailable"`) || !strings.Contains(body, `"search":"ok"`) {
		t.Fatalf("mail down: %d %s", status, body)
	}
	if status, _ := httpGet(t, m.URL()+"/healthz"); status != 200 {
		t.Fatal("healthz should not depend on the parts")
	}
}
