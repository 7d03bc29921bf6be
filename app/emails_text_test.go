package main

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/i18n/texttest"
	"passerelle/app/mail/mailtest"
	"passerelle/app/passerelle"
)

// noticeCase is an email of the test below: its template, its arguments and
// what its French version says.
type noticeCase struct {
	template string
	args     []any
	want     []string
}

// Every email of the programme and every account email reaches the outbox
// in French and English, made for people (no format verb, key or id; no
// French in the English ones), the French one with the
// data's values in place and no formatting left-over.
func TestEveryNoticeAndAccountEmailInBothLanguages(t *testing.T) {
	m := startMain(t, testConfig(t), false)
	offer := passerelle.OfferArgs(&domain.Offer{Title: "Apprentissage boulanger", RejectReason: "adresse incomplète"})
	booking := passerelle.BookingArgs(&domain.Booking{GroupName: "3e B", Seats: 24, CancelReason: "grève des transports"},
		&domain.VisitSession{StartsAt: time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC), MeetingPoint: "Accueil"})
	a := &domain.Application{OfferTitle: "Apprentissage boulanger", YouthName: "Inès"}
	application := passerelle.ApplicationArgs(a)
	cases := []noticeCase{
		{"offer_published", offer, []string{"Apprentissage boulanger", "visible"}},
		{"offer_rejected", offer, []string{"adresse incomplète"}},
		{"booking_confirmed", booking, []string{"3e B", "24 places", "jeudi 3 décembre 2026 à 10 h 30", "Accueil"}},
		{"booking_cancelled", booking, []string{"grève des transports"}},
		{"application_received", application, []string{"Inès"}},
		{"application_expired_employer", application, []string{"Inès", "Apprentissage boulanger"}},
	}
	message := passerelle.MessageArgs(a, &domain.ApplicationMessage{AuthorName: "Le Fournil", Body: "Venez mardi."})
	for _, side := range []string{"youth", "employer", "guardian"} {
		cases = append(cases, noticeCase{"application_message_" + side, message, []string{"Apprentissage boulanger", "Le Fournil"}})
	}
	for _, s := range []string{"sent", "seen", "interview", "accepted", "declined", "withdrawn", "expired"} {
		cases = append(cases, noticeCase{"application_" + s, application, []string{"Apprentissage boulanger"}},
			noticeCase{"application_" + s + "_guardian", application, []string{"Apprentissage boulanger", "Inès"}})
	}
	for _, c := range cases {
		for _, locale := range []string{"fr", "en"} {
			n := passerelle.Notice("test:"+c.template+":"+locale, domain.NoticeRecipient{Email: c.template + "." + locale + "@example.fr",
				Locale: locale}, c.template, c.args)
			if _, err := m.Notify.SendNotices(t.Context(), []domain.Notice{n}); err != nil {
				t.Fatalf("%s: %v", c.template, err)
			}
		}
	}
	cases = append(cases, sendSupportNotices(t, m)...)
	if _, err := m.Notify.Deliver(t.Context(), 100); err != nil {
		t.Fatal(err)
	}
	links := sendAccountLinks(t, m)
	byRecipient := map[string]mailtest.Received{}
	for _, r := range mailtest.ReadOutbox(t, m.Config.DataPath("outbox")) {
		byRecipient[r.To[0]] = r
	}
	for _, c := range append(cases, links...) {
		for _, locale := range []string{"fr", "en"} {
			r, ok := byRecipient[c.template+"."+locale+"@example.fr"]
			if !ok {
				t.Fatalf("%s in %s: no email", c.template, locale)
			}
			text := r.Subject + "\n" + r.Text
			where := c.template + " (" + locale + ")"
			texttest.Check(t, where, text+"\n"+texttest.Visible(r.HTML))
			if strings.Contains(text, "email.passerelle") || strings.Contains(r.HTML+text, "Venez mardi.") {
				t.Errorf("%s: a catalog key or a message's text in %q", where, text)
			}
			if locale == "en" {
				checkEnglishEmail(t, where, text)
				continue
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("%s: %q lacks %q", where, text, w)
				}
			}
		}
	}
}

// sendSupportNotices sends the accompaniment's emails in French and
// English, their state and meeting written in the reader's language.
func sendSupportNotices(t *testing.T, m *Main) []noticeCase {
	t.Helper()
	meeting := i18n.When(time.Date(2026, 12, 10, 13, 30, 0, 0, time.UTC))
	var cases []noticeCase
	for text, c := range map[string]noticeCase{
		"notice.support.assigned":        {"support_assigned", []any{"Ressourcerie", "Mamadou Camara"}, []string{"« Ressourcerie »", "Mamadou Camara"}},
		"notice.support.assigned_holder": {"support_assigned_holder", []any{"Ressourcerie", "Incubateur solidaire"}, []string{"Incubateur solidaire"}},
		"notice.support.followed": {"support_followed", []any{"Ressourcerie", "Incubateur solidaire",
			i18n.Label("support.status.in_progress"), meeting}, []string{"accompagnement en cours", "jeudi 10 décembre 2026 à 14 h 30"}},
		"notice.support.message":        {"support_message", []any{"Ressourcerie", "Lucie Perrin"}, []string{"Lucie Perrin"}},
		"notice.support.message_holder": {"support_message_holder", []any{"Ressourcerie", "Mamadou Camara"}, []string{"Mamadou Camara"}},
	} {
		for _, locale := range []string{"fr", "en"} {
			n := domain.Notice{Key: "test:" + c.template + ":" + locale, Text: text, Args: c.args, Link: "/accompagnement/demandes/x",
				To: domain.NoticeRecipient{Email: c.template + "." + locale + "@example.fr", Locale: locale}}
			if _, err := m.Notify.SendNotices(t.Context(), []domain.Notice{n}); err != nil {
				t.Fatalf("%s: %v", text, err)
			}
		}
		c.want = append(c.want, m.Config.Server.BaseURL+"/accompagnement/demandes/x")
		cases = append(cases, c)
	}
	return cases
}

// sendAccountLinks sends each account email (its link is the point) in
// French and English, as the accounts service does.
func sendAccountLinks(t *testing.T, m *Main) []noticeCase {
	t.Helper()
	var cases []noticeCase
	for kind, args := range map[string][]any{"verify": {"Inès"}, "already": nil, "magic": {"Inès", 15}, "reset": {"Inès", 15},
		"invite": {"Sophie Lambert", "Le Fournil"}, "consent": {"Inès", "3 mai 2012"}} {
		link := m.Config.Server.BaseURL + "/lien/" + kind
		for _, locale := range []string{"fr", "en"} {
			n := domain.Notice{Key: "test-" + kind, Text: "mail." + kind, Args: args, Link: link,
				To: domain.NoticeRecipient{Email: "mail_" + kind + "." + locale + "@example.fr", Locale: locale}}
			if err := m.Notify.SendNow(t.Context(), n); err != nil {
				t.Fatalf("%s: %v", kind, err)
			}
		}
		cases = append(cases, noticeCase{"mail_" + kind, args, []string{link}})
	}
	return cases
}

// frenchInEnglish are words of the platform's own French emails that an
// English email must not show (the data's values, French here, are not
// among them).
var frenchInEnglish = []string{"Bonjour", "votre", "Votre", "vous", " ta ", " ton ", " tes ", "candidature", "Cordialement"}

// addresses are the links of an email, whose French paths are not words.
var addresses = regexp.MustCompile(`https?://\S+`)

func checkEnglishEmail(t *testing.T, where, text string) {
	t.Helper()
	text = addresses.ReplaceAllString(text, "")
	for _, w := range frenchInEnglish {
		if strings.Contains(text, w) {
			t.Errorf("%s: French %q in an English email: %q", where, w, texttest.Around(text, w))
		}
	}
}
