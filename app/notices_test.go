package main

import (
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
	"passerelle/app/passerelle"
)

// Every email of the programme reaches the outbox in French, with the
// data's values in place and no formatting left-over.
func TestPasserelleNoticesRenderEveryTemplate(t *testing.T) {
	m := startMain(t, testConfig(t), false)
	offer := passerelle.OfferArgs(&domain.Offer{Title: "Apprentissage boulanger", RejectReason: "adresse incomplète"})
	booking := passerelle.BookingArgs(&domain.Booking{GroupName: "3e B", Seats: 24, CancelReason: "grève des transports"},
		&domain.VisitSession{StartsAt: time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC), MeetingPoint: "Accueil"})
	a := &domain.Application{OfferTitle: "Apprentissage boulanger", YouthName: "Inès"}
	application := passerelle.ApplicationArgs(a)
	type noticeCase struct {
		template string
		args     []any
		want     []string
	}
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
		n := passerelle.Notice("test:"+c.template, domain.NoticeRecipient{Email: c.template + "@example.fr"}, c.template, c.args)
		if _, err := m.Notify.SendNotices(t.Context(), []domain.Notice{n}); err != nil {
			t.Fatalf("%s: %v", c.template, err)
		}
	}
	if _, err := m.Notify.Deliver(t.Context(), 100); err != nil {
		t.Fatal(err)
	}
	byRecipient := map[string]mailtest.Received{}
	for _, r := range mailtest.ReadOutbox(t, m.Config.DataPath("outbox")) {
		byRecipient[r.To[0]] = r
	}
	for _, c := range cases {
		r, ok := byRecipient[c.template+"@example.fr"]
		if !ok {
			t.Fatalf("%s: no email", c.template)
		}
		text := r.Subject + "\n" + r.Text
		if strings.Contains(text, "%!") || strings.Contains(text, "email.passerelle") || strings.Contains(r.HTML+text, "Venez mardi.") {
			t.Errorf("%s: formatting left-over or a message's text in %q", c.template, text)
		}
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q lacks %q", c.template, text, w)
			}
		}
	}
}
