package account

import (
	"bytes"
	"context"
	"html/template"
	"log/slog"
	"strings"

	"passerelle/app/i18n"
	"passerelle/app/mail"
)

// linkMail is an email whose point is one link: sign in, verify, reset,
// consent. Its texts are the catalog keys mail.<kind>.{subject,intro,action,outro}.
type linkMail struct {
	kind   string
	to     string
	locale string
	link   string
	args   []any // formatted into the intro
}

var linkMailHTML = template.Must(template.New("mail").Parse(`<!doctype html>
<html lang="{{.Locale}}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">
{{range .Intro}}<p>{{.}}</p>{{end}}
<p><a href="{{.Link}}" style="display:inline-block;padding:12px 20px;background:#0b4f8a;color:#fff;text-decoration:none;border-radius:6px">{{.Action}}</a></p>
<p style="font-size:0.9em">{{.Link}}</p>
<p style="font-size:0.9em;color:#555">{{.Outro}}</p>
<p>Passerelle 92 — Département des Hauts-de-Seine</p>
</body></html>`))

func (m linkMail) message(c i18n.Catalog) (mail.Message, error) {
	t := func(part string, args ...any) string { return c.T(m.locale, "mail."+m.kind+"."+part, args...) }
	intro := strings.Split(t("intro", m.args...), "\n")
	var html bytes.Buffer
	err := linkMailHTML.Execute(&html, map[string]any{"Locale": i18n.Supported(m.locale), "Intro": intro,
		"Link": m.link, "Action": t("action"), "Outro": t("outro")})
	text := strings.Join(intro, "\n\n") + "\n\n" + t("action") + " : " + m.link + "\n\n" + t("outro") +
		"\n\nPasserelle 92 — Département des Hauts-de-Seine\n"
	// The address may be borrowed from the web request, whose buffers the
	// next request reuses while the message is still being sent: copied.
	to := strings.Clone(m.to)
	return mail.Message{To: []mail.Address{{Email: to}}, Subject: t("subject"), Text: text, HTML: html.String()}, err
}

// send delivers m in the background: the answer to the request must not
// take longer when the address exists, or it would tell that it does.
func (s *Service) send(m linkMail) {
	msg, err := m.message(s.catalog)
	if err != nil {
		s.logger.Error("mail", slog.String("kind", m.kind), slog.Any("error", err))
		return
	}
	s.sending.Add(1)
	go func() {
		defer s.sending.Done()
		if err := s.mail.Send(context.Background(), msg); err != nil {
			s.logger.Error("mail not sent", slog.String("kind", m.kind), slog.Any("error", err))
		}
	}()
}

// Wait returns once the emails being sent are gone, before the mail sender
// closes at shutdown.
func (s *Service) Wait() { s.sending.Wait() }

func (s *Service) link(path, raw string) string {
	return strings.TrimRight(s.cfg.BaseURL, "/") + path + raw
}
