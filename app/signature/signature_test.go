package signature_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/i18n/texttest"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify"
	"passerelle/app/notify/notifytest"
	"passerelle/app/signature"
	"passerelle/app/signature/signaturetest"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
)

var ctx = context.Background()

// world is a database, a real SMTP server behind the notification service,
// and the signature service on a clock the test moves.
type world struct {
	db     *store.DB
	mails  *mailtest.Server
	notify *notify.Service
	svc    *signature.Service
	now    time.Time
	mu     sync.Mutex
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{db: storetest.Open(t), mails: mailtest.Start(t), now: time.Date(2026, 12, 1, 10, 0, 0, 0, domain.Paris)}
	w.notify = notifytest.New(t, w.db, w.mails, notify.Config{})
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	w.svc = signature.New(w.db, w.notify, signature.Config{BaseURL: "https://passerelle92.test", Catalog: catalog,
		Now: w.clock}, slog.New(slog.DiscardHandler))
	return w
}

func (w *world) clock() time.Time { w.mu.Lock(); defer w.mu.Unlock(); return w.now }
func (w *world) advance(d time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.now = w.now.Add(d)
}

// agreement is a grant agreement signed by the association, then the
// Département; with two parties of the same order for the concurrency test.
func agreement(amount string, sameOrder bool) signature.Document {
	second := 2
	if sameOrder {
		second = 1
	}
	return signature.Document{Kind: domain.SignGrantAgreement, SubjectID: "grant-1", Title: "Convention de subvention",
		Summary:  "Les Paniers de Nanterre — " + amount,
		Sections: []domain.DocumentSection{{Heading: "Montant", Rows: []domain.DocumentRow{{Label: "Montant attribué", Value: amount}}}},
		Parties: []domain.SignatureParty{
			{Role: "legal_representative", Name: "Alice Martin", Email: "alice@example.fr", Order: 1},
			{Role: "department", Name: "Denis Agent", Email: "Denis@Example.fr", Order: second, Locale: "en"},
		}}
}

func (w *world) code(t *testing.T, token, addr string) string {
	t.Helper()
	if err := w.svc.SendCode(ctx, token, "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	return signaturetest.Code(t, w.mails.Messages(), addr)
}

func (w *world) sign(t *testing.T, token, addr, name string) (*domain.SignatureRequest, error) {
	t.Helper()
	code := w.code(t, token, addr)
	return w.svc.Sign(ctx, token, signature.Input{Name: name, Consent: true, Code: code, IP: "192.0.2.1", UserAgent: "test"})
}

func code(err error) string { return domain.ErrorCode(err) }

func message(err error) string {
	var e *domain.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return ""
}

func TestSignInOrderThenComplete(t *testing.T) {
	w := newWorld(t)
	var completed []string
	w.svc.OnCompleted(domain.SignGrantAgreement, func(_ context.Context, r *domain.SignatureRequest) error {
		completed = append(completed, r.SubjectID)
		return nil
	})
	r, err := w.svc.Start(ctx, agreement("12 000 €", false))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hash) != 64 || r.Parties[1].Email != "denis@example.fr" {
		t.Fatalf("request %+v", r)
	}
	// Only the first party is invited; the invitation's subject says what, never who.
	msgs := w.mails.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "alice@example.fr" || strings.Contains(msgs[0].Subject, "Paniers") ||
		!strings.Contains(msgs[0].Subject, "convention de subvention") || !strings.Contains(msgs[0].Text, "Les Paniers de Nanterre — 12 000 €") {
		t.Fatalf("invitations: %+v", msgs)
	}
	alice := signaturetest.Link(t, w.mails.Messages(), "alice@example.fr")

	// The code is checked before anything is recorded.
	c := w.code(t, alice, "alice@example.fr")
	wrong := "000000"
	if c == wrong {
		wrong = "000001"
	}
	for _, bad := range []struct {
		in   signature.Input
		want string
	}{
		{signature.Input{Name: " ", Consent: true, Code: c}, "error.signature.name_required"},
		{signature.Input{Name: "Alice Martin", Code: c}, "error.signature.consent_required"},
		{signature.Input{Name: "Alice Martin", Consent: true, Code: "12a"}, "error.signature.code_format"},
		{signature.Input{Name: "Alice Martin", Consent: true, Code: wrong}, "error.signature.code_wrong"},
	} {
		if _, err := w.svc.Sign(ctx, alice, bad.in); message(err) != bad.want || code(err) != domain.EINVALID {
			t.Errorf("%+v: %v, want %s", bad.in, err, bad.want)
		}
	}
	got, err := w.svc.Sign(ctx, alice, signature.Input{Name: "  Alice   Martin ", Consent: true, Code: c, IP: "192.0.2.1", UserAgent: "Firefox"})
	if err != nil {
		t.Fatal(err)
	}
	if p := got.Parties[0]; p.SignedAt == nil || p.SignedName != "Alice Martin" || p.IP != "192.0.2.1" || p.UserAgent != "Firefox" {
		t.Fatalf("signature %+v", p)
	}
	// Signing twice is refused, even with a fresh code.
	if err := w.svc.SendCode(ctx, alice, ""); message(err) != "error.signature.already_signed" {
		t.Fatalf("a code after signing: %v", err)
	}
	// The Département is invited now, in English; it signs and completes.
	denis := signaturetest.Link(t, w.mails.Messages(), "denis@example.fr")
	if msg := w.mails.Messages(); !strings.HasPrefix(msg[len(msg)-1].Subject, "Document to sign") {
		t.Fatalf("English invitation: %q", msg[len(msg)-1].Subject)
	}
	done, err := w.sign(t, denis, "denis@example.fr", "Denis Agent")
	if err != nil {
		t.Fatal(err)
	}
	if done.State != domain.SignatureCompleted || len(completed) != 1 || completed[0] != "grant-1" {
		t.Fatalf("after all signed: %s, hook %v", done.State, completed)
	}
	if _, err := w.svc.Sign(ctx, denis, signature.Input{Name: "Denis", Consent: true, Code: "123456"}); message(err) != "error.signature.already_signed" {
		t.Fatalf("signed twice: %v", err)
	}
	// The final PDF carries the signatures and the trail; only parties and staff read it.
	pdf := pdfOf(t, w, "alice@example.fr", done.ID)
	if len(pdf) < 1000 || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("final PDF of %d bytes", len(pdf))
	}
	if _, _, err := w.svc.PDF(ctx, &domain.User{Email: "eve@example.fr", Roles: []domain.Role{domain.RoleApplicant}}, done.ID); code(err) != domain.ENOTFOUND {
		t.Fatalf("a stranger reads the PDF: %v", err)
	}
	if _, _, err := w.svc.PDF(ctx, &domain.User{Email: "agent@example.fr", Roles: []domain.Role{domain.RoleStaff}}, done.ID); err != nil {
		t.Fatalf("staff: %v", err)
	}
	kinds := eventKinds(done)
	for _, want := range []string{"created", "invited", "code_sent", "code_tried", "signed", "completed"} {
		if !strings.Contains(kinds, want) {
			t.Errorf("trail %s lacks %s", kinds, want)
		}
	}
	for _, e := range done.Events {
		if e.Hash != done.Hash {
			t.Fatalf("event without the document's hash: %+v", e)
		}
	}
	// Every email, French and English, is made for people: no key, no format verb left.
	if _, err := w.notify.Deliver(ctx, 50); err != nil {
		t.Fatal(err)
	}
	for _, m := range w.mails.Messages() {
		texttest.Check(t, m.Subject, m.Subject+"\n"+m.Text+"\n"+texttest.Visible(m.HTML))
	}
	audit, err := w.db.LatestAudit(ctx, done.ID, 100)
	if err != nil || len(audit) < 6 {
		t.Fatalf("audit log: %d events, %v", len(audit), err)
	}
}

func pdfOf(t *testing.T, w *world, email, id string) []byte {
	t.Helper()
	_, pdf, err := w.svc.PDF(ctx, &domain.User{Email: email, Roles: []domain.Role{domain.RoleApplicant}}, id)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

func eventKinds(r *domain.SignatureRequest) string {
	var kinds []string
	for _, e := range r.Events {
		kinds = append(kinds, e.Kind)
	}
	return strings.Join(kinds, ",")
}

func TestOrderIsKept(t *testing.T) {
	w := newWorld(t)
	r, err := w.svc.Start(ctx, agreement("12 000 €", false))
	if err != nil {
		t.Fatal(err)
	}
	// Denis has no link yet; a link made up for him opens nothing.
	forged := r.ID + ".1." + strings.Repeat("a", 64)
	if _, err := w.svc.Open(ctx, forged); message(err) != "error.signature.invalid_link" {
		t.Fatalf("a forged link: %v", err)
	}
	if _, err := w.svc.Open(ctx, "not a token"); code(err) != domain.ENOTFOUND {
		t.Fatalf("garbage: %v", err)
	}
}

func TestTwoPartiesSignAtTheSameInstant(t *testing.T) {
	w := newWorld(t)
	r, err := w.svc.Start(ctx, agreement("9 000 €", true))
	if err != nil {
		t.Fatal(err)
	}
	links := []string{signaturetest.Link(t, w.mails.Messages(), "alice@example.fr"), signaturetest.Link(t, w.mails.Messages(), "denis@example.fr")}
	codes := []string{w.code(t, links[0], "alice@example.fr"), w.code(t, links[1], "denis@example.fr")}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range 4 { // each party twice, at once
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = w.svc.Sign(ctx, links[i%2], signature.Input{Name: "Nom", Consent: true, Code: codes[i%2]})
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		} else if code(err) != domain.ECONFLICT {
			t.Errorf("unexpected: %v", err)
		}
	}
	got, err := w.db.SignatureRequestByID(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ok != 2 || !got.Signed() || got.State != domain.SignatureCompleted || strings.Count(eventKinds(got), "signed") != 2 ||
		strings.Count(eventKinds(got), "completed") != 1 {
		t.Fatalf("%d signatures accepted; state %s, trail %s", ok, got.State, eventKinds(got))
	}
}

func TestExpiryRemindersAndLateSignature(t *testing.T) {
	w := newWorld(t)
	r, err := w.svc.Start(ctx, agreement("5 000 €", false))
	if err != nil {
		t.Fatal(err)
	}
	first := signaturetest.Link(t, w.mails.Messages(), "alice@example.fr")
	rules := signature.RulesOf(domain.SignGrantAgreement)
	w.advance(rules.RemindAfter)
	rep, err := w.svc.Run(ctx)
	if err != nil || rep.Reminded != 1 {
		t.Fatalf("reminders: %+v, %v", rep, err)
	}
	if rep, _ := w.svc.Run(ctx); rep.Reminded != 0 {
		t.Fatalf("reminded twice in one period: %+v", rep)
	}
	second := signaturetest.Link(t, w.mails.Messages(), "alice@example.fr")
	if second == first {
		t.Fatal("the reminder repeats the old link")
	}
	if _, err := w.svc.Open(ctx, first); err == nil {
		t.Fatal("the replaced link still opens")
	}
	c := w.code(t, second, "alice@example.fr")
	w.advance(r.Deadline.Sub(w.clock()))
	if _, err := w.svc.Sign(ctx, second, signature.Input{Name: "Alice", Consent: true, Code: c}); message(err) != "error.signature.expired" {
		t.Fatalf("signed at the deadline: %v", err)
	}
	if rep, err := w.svc.Run(ctx); err != nil || rep.Expired != 1 {
		t.Fatalf("expiry: %+v, %v", rep, err)
	}
	got, _ := w.db.SignatureRequestByID(ctx, r.ID)
	if got.State != domain.SignatureExpired {
		t.Fatalf("state %s", got.State)
	}
}

func TestDataChangeVoidsTheSignatures(t *testing.T) {
	w := newWorld(t)
	old, err := w.svc.Start(ctx, agreement("12 000 €", false))
	if err != nil {
		t.Fatal(err)
	}
	alice := signaturetest.Link(t, w.mails.Messages(), "alice@example.fr")
	if _, err := w.sign(t, alice, "alice@example.fr", "Alice Martin"); err != nil {
		t.Fatal(err)
	}
	// The same data again changes nothing.
	if same, err := w.svc.Start(ctx, agreement("12 000 €", false)); err != nil || same.ID != old.ID {
		t.Fatalf("same data: %v, %v", same, err)
	}
	fresh, err := w.svc.Start(ctx, agreement("10 000 €", false))
	if err != nil || fresh.ID == old.ID || fresh.Hash == old.Hash {
		t.Fatalf("new data: %+v, %v", fresh, err)
	}
	got, _ := w.db.SignatureRequestByID(ctx, old.ID)
	if got.State != domain.SignatureVoided || got.ReplacedBy != fresh.ID {
		t.Fatalf("old request: %s replaced by %q", got.State, got.ReplacedBy)
	}
	if err := w.svc.SendCode(ctx, alice, ""); message(err) != "error.signature.already_signed" {
		t.Fatalf("old link: %v", err)
	}
	// Alice is told, in the queue, and invited again to the new document.
	if _, err := w.notify.Deliver(ctx, 50); err != nil {
		t.Fatal(err)
	}
	var told bool
	for _, m := range w.mails.Messages() {
		told = told || (m.To[0] == "alice@example.fr" && strings.HasPrefix(m.Subject, "Document annulé"))
	}
	if !told || signaturetest.Link(t, w.mails.Messages(), "alice@example.fr") == alice {
		t.Fatal("Alice was not told, or not invited again")
	}
}

func TestTamperedDocumentIsRefused(t *testing.T) {
	w := newWorld(t)
	r, err := w.svc.Start(ctx, agreement("12 000 €", false))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.db.DeleteFile(ctx, r.FileID); err != nil {
		t.Fatal(err)
	}
	if err := w.db.PutFile(ctx, r.FileID, "x.pdf", []byte("%PDF-1.4 altered")); err != nil {
		t.Fatal(err)
	}
	alice := signaturetest.Link(t, w.mails.Messages(), "alice@example.fr")
	if _, err := w.sign(t, alice, "alice@example.fr", "Alice Martin"); message(err) != "error.signature.tampered" {
		t.Fatalf("signed an altered document: %v", err)
	}
	got, _ := w.db.SignatureRequestByID(ctx, r.ID)
	if got.Parties[0].SignedAt != nil {
		t.Fatal("signature recorded")
	}
}

func TestCodeBruteForceIsLimited(t *testing.T) {
	w := newWorld(t)
	if _, err := w.svc.Start(ctx, agreement("12 000 €", false)); err != nil {
		t.Fatal(err)
	}
	alice := signaturetest.Link(t, w.mails.Messages(), "alice@example.fr")
	good := w.code(t, alice, "alice@example.fr")
	tries := 0
	for n := 0; n < 1_000_000 && tries < signature.CodeAttempts+3; n++ {
		guess := fmt.Sprintf("%06d", n)
		if guess == good {
			continue
		}
		tries++
		_, err := w.svc.Sign(ctx, alice, signature.Input{Name: "Eve", Consent: true, Code: guess})
		want := "error.signature.code_wrong"
		if tries > signature.CodeAttempts {
			want = "error.signature.code_exhausted"
		}
		if message(err) != want {
			t.Fatalf("try %d: %v, want %s", tries, err, want)
		}
	}
	// Even the right code no longer works: a new one is needed, and codes are limited too.
	if _, err := w.svc.Sign(ctx, alice, signature.Input{Name: "Alice", Consent: true, Code: good}); message(err) != "error.signature.code_exhausted" {
		t.Fatalf("the right code after the limit: %v", err)
	}
	for i := 1; i < signature.CodesPerParty; i++ {
		if err := w.svc.SendCode(ctx, alice, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.svc.SendCode(ctx, alice, ""); code(err) != domain.ETOOMANY {
		t.Fatalf("code %d: %v", signature.CodesPerParty+1, err)
	}
}

// A crash (or a failing hook) after the last signature leaves the request
// completed but its consequences undone: the signatures job does them, once,
// and the parties get their signed copy once.
func TestTheJobSettlesWhatACompletionLeftUndone(t *testing.T) {
	w := newWorld(t)
	calls := 0
	w.svc.OnCompleted(domain.SignGrantAgreement, func(context.Context, *domain.SignatureRequest) error {
		calls++
		if calls == 1 {
			return errors.New("the database went away")
		}
		return nil
	})
	r, err := w.svc.Start(ctx, agreement("9 000 €", false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.sign(t, signaturetest.Link(t, w.mails.Messages(), "alice@example.fr"), "alice@example.fr", "Alice Martin"); err != nil {
		t.Fatal(err)
	}
	done, err := w.sign(t, signaturetest.Link(t, w.mails.Messages(), "denis@example.fr"), "denis@example.fr", "Denis Agent")
	if err != nil || done.State != domain.SignatureCompleted || done.SettledAt != nil || calls != 1 {
		t.Fatalf("after the failing hook: %+v %v, %d calls", done, err, calls)
	}
	copies := func() int {
		if _, err := w.notify.Deliver(ctx, 50); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range w.mails.Messages() {
			if len(m.Attachments) > 0 {
				n++
			}
		}
		return n
	}
	if n := copies(); n != 0 {
		t.Fatalf("%d signed copies sent before the consequences were done", n)
	}
	for range 2 {
		if _, err := w.svc.Run(ctx); err != nil {
			t.Fatal(err)
		}
	}
	got, err := w.db.SignatureRequestByID(ctx, r.ID)
	if err != nil || got.SettledAt == nil || calls != 2 {
		t.Fatalf("after the job: settled %v, %d calls, %v", got.SettledAt, calls, err)
	}
	if n := copies(); n != 2 {
		t.Errorf("%d signed copies, want one per party", n)
	}
}
