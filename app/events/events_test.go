package events_test

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/events"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
)

var now = time.Date(2026, 11, 26, 10, 0, 0, 0, domain.Paris)

type env struct {
	db  *store.DB
	svc *events.Service
	out *outbox
}

// outbox records the notices the service queues (the notification service
// itself is tested in app/notify).
type outbox struct {
	mu  sync.Mutex
	got []domain.Notice
}

func (o *outbox) SendNotices(_ context.Context, ns []domain.Notice) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.got = append(o.got, ns...)
	return len(ns), nil
}

func (o *outbox) keys() map[string]bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	keys := map[string]bool{}
	for _, n := range o.got {
		keys[n.Key] = true
	}
	return keys
}

var (
	staff      = &domain.User{ID: "agent", Name: "Agent", Email: "agent@92.test", Roles: []domain.Role{domain.RoleStaff}}
	counsellor = &domain.User{ID: "cpe", Name: "Mme Cpe", Email: "cpe@college.test", Roles: []domain.Role{domain.RoleCounsellor}, OrganisationIDs: []string{"school"}}
	employer   = &domain.User{ID: "rh", Name: "M. Rh", Email: "rh@boulangerie.test", Roles: []domain.Role{domain.RoleEmployer}, OrganisationIDs: []string{"bakery"}}
)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func newEnv(t *testing.T) *env {
	t.Helper()
	db := storetest.Open(t)
	ctx := context.Background()
	must(t, db.InsertOrganisations(ctx, []domain.Organisation{
		{ID: "school", Kind: domain.KindSchool, Name: "Collège Paul-Éluard", CommuneCode: "92050", Verified: true},
		{ID: "bakery", Kind: domain.KindCompany, Name: "Boulangerie Éclair", CommuneCode: "92050", Verified: true},
		{ID: "unverified", Kind: domain.KindCompany, Name: "Société X", CommuneCode: "92050"}}))
	out := &outbox{}
	return &env{db: db, svc: events.New(db, out, slog.New(slog.DiscardHandler), func() time.Time { return now }), out: out}
}

// youth inserts a youth aged age and returns the user.
func (e *env) youth(t *testing.T, id string, age int) *domain.User {
	t.Helper()
	y := domain.Youth{ID: id, FirstName: id, BirthDate: now.AddDate(-age, 0, -1), CommuneCode: "92050",
		GuardianEmail: "parent-" + id + "@famille.test"}
	must(t, e.db.InsertYouths(context.Background(), []domain.Youth{y}))
	return &domain.User{ID: id, Name: id, Email: id + "@jeune.test", Roles: []domain.Role{domain.RoleYouth}}
}

func (e *env) forum(t *testing.T, capacity, stands int) *domain.Event {
	t.Helper()
	ev, err := e.svc.Create(context.Background(), staff, events.EventInput{Kind: domain.EventForum, Title: "Forum des métiers de Nanterre",
		Audiences:   []domain.EventAudience{domain.AudienceYouths, domain.AudienceSchools, domain.AudienceEmployers},
		CommuneCode: "92050", Address: "Salle des fêtes, 1 rue de la Mairie", StartsAt: now.Add(72 * time.Hour),
		EndsAt: now.Add(76 * time.Hour), Capacity: capacity, Stands: stands})
	must(t, err)
	return ev
}

func group(eventID string, places int, key string) events.RegistrationInput {
	return events.RegistrationInput{EventID: eventID, Kind: domain.RegisterGroup, OrganisationID: "school",
		GroupName: "3e B", Places: places, RequestKey: key}
}

// checkPlaces fails unless the places held by confirmed registrations plus
// the places left make the capacity, and exactly those are holders.
func checkPlaces(t *testing.T, e *env, eventID string) (confirmed int) {
	t.Helper()
	ctx := context.Background()
	ev, err := e.db.EventByID(ctx, eventID)
	must(t, err)
	regs, err := e.db.Registrations(ctx, domain.RegistrationFilter{EventIDs: []string{eventID}})
	must(t, err)
	holders := map[string]bool{}
	for _, k := range ev.Holders {
		holders[k] = true
	}
	held := map[domain.Pool]int{}
	for _, r := range regs {
		holds := r.Status == domain.RegistrationConfirmed
		if holds != holders[r.Hold().Key()] {
			t.Errorf("registration %s is %s, holder %v", r.ID, r.Status, holders[r.Hold().Key()])
		}
		if holds {
			held[r.Kind.Pool()] += r.Places
			confirmed++
		}
	}
	if ev.SeatsLeft < 0 || held[domain.PoolSeats]+ev.SeatsLeft != ev.Capacity ||
		ev.StandsLeft < 0 || held[domain.PoolStands]+ev.StandsLeft != ev.Stands || len(ev.Holders) != confirmed {
		t.Errorf("capacity %d, held %v, left %d, stands %d left %d, holders %d", ev.Capacity, held, ev.SeatsLeft,
			ev.Stands, ev.StandsLeft, len(ev.Holders))
	}
	return confirmed
}

func TestConcurrentRegistrationsNeverExceedCapacity(t *testing.T) {
	e := newEnv(t)
	ev := e.forum(t, 50, 3)
	var wg sync.WaitGroup
	for i := range 60 {
		wg.Go(func() {
			in := group(ev.ID, 1+i%4, fmt.Sprint("k", i))
			if i%5 == 0 { // employers race for the three stands
				in = events.RegistrationInput{EventID: ev.ID, Kind: domain.RegisterStand, OrganisationID: "bakery",
					RequestKey: fmt.Sprint("s", i)}
				other := *employer
				other.ID = fmt.Sprint("rh", i)
				if _, err := e.svc.Register(context.Background(), &other, in); err != nil && domain.ErrorCode(err) != domain.ECONFLICT {
					t.Error(err)
				}
				return
			}
			if _, err := e.svc.Register(context.Background(), counsellor, in); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if confirmed := checkPlaces(t, e, ev.ID); confirmed == 0 {
		t.Error("no registration confirmed")
	}
	ev, err := e.db.EventByID(context.Background(), ev.ID)
	must(t, err)
	if ev.StandsLeft != 2 {
		t.Errorf("one company got %d stands, want 1 (a company holds one stand)", 3-ev.StandsLeft)
	}
	regs, err := e.db.Registrations(context.Background(), domain.RegistrationFilter{EventIDs: []string{ev.ID}})
	must(t, err)
	waiting := 0
	for _, r := range regs {
		if r.Status == domain.RegistrationWaitlisted {
			waiting++
		}
	}
	if waiting == 0 || ev.SeatsLeft > 3 {
		t.Errorf("%d waiting with %d places left: the storm should fill the forum", waiting, ev.SeatsLeft)
	}
}

func TestWaitlistMovesUpInOrderOnCancellation(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ev := e.forum(t, 10, 0)
	first, err := e.svc.Register(ctx, counsellor, group(ev.ID, 10, "a"))
	must(t, err)
	// The fixed clock dates them alike: their keys (w0 < w1 < w2) keep their order.
	var waiting []*domain.EventRegistration
	for i, places := range []int{6, 5, 4} {
		r, err := e.svc.Register(ctx, counsellor, group(ev.ID, places, fmt.Sprint("w", i)))
		must(t, err)
		if r.Status != domain.RegistrationWaitlisted {
			t.Fatalf("registration of %d on a full forum is %s", places, r.Status)
		}
		waiting = append(waiting, r)
	}
	if _, _, err := e.svc.CancelRegistration(ctx, counsellor, first.ID); err != nil {
		t.Fatal(err)
	}
	checkPlaces(t, e, ev.ID)
	var got []domain.RegistrationStatus
	for _, r := range waiting {
		now, err := e.db.RegistrationByID(ctx, r.ID)
		must(t, err)
		got = append(got, now.Status)
	}
	// The oldest (6) comes in; the 5 does not fit in the 4 left, the 4 behind it does.
	want := []domain.RegistrationStatus{domain.RegistrationConfirmed, domain.RegistrationWaitlisted, domain.RegistrationConfirmed}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after the cancellation the waitlist is %v, want %v", got, want)
	}
	if keys := e.out.keys(); !keys["event_registered:"+waiting[0].ID] || !keys["event_waitlisted:"+waiting[1].ID] {
		t.Errorf("notices %v", keys)
	}
}

func TestSameRequestKeyRegistersOnce(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ev := e.forum(t, 30, 0)
	var wg sync.WaitGroup
	ids := make([]string, 8)
	for i := range ids {
		wg.Go(func() {
			r, err := e.svc.Register(ctx, counsellor, group(ev.ID, 3, "same-key"))
			if err != nil {
				t.Error(err)
				return
			}
			ids[i] = r.ID
		})
	}
	wg.Wait()
	for _, id := range ids[1:] {
		if id != ids[0] {
			t.Errorf("one key gave two registrations: %s and %s", ids[0], id)
		}
	}
	if checkPlaces(t, e, ev.ID) != 1 {
		t.Error("the retried request registered more than once")
	}
	ev, err := e.db.EventByID(ctx, ev.ID)
	must(t, err)
	if ev.SeatsLeft != 27 {
		t.Errorf("%d places left, want 27", ev.SeatsLeft)
	}
}

func TestYouthRegistersAloneFrom15(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ev := e.forum(t, 30, 0)
	alone := func(u *domain.User) (*domain.EventRegistration, error) {
		return e.svc.Register(ctx, u, events.RegistrationInput{EventID: ev.ID, Kind: domain.RegisterYouth})
	}
	if _, err := alone(e.youth(t, "lea", 14)); domain.ErrorMessage(err) != "error.event.youth_too_young" {
		t.Errorf("a youth of 14 alone: %v, want error.event.youth_too_young", err)
	}
	minor := e.youth(t, "sami", 15)
	r, err := alone(minor)
	must(t, err)
	if r.Status != domain.RegistrationConfirmed || r.Places != 1 {
		t.Errorf("a youth of 15: %s for %d", r.Status, r.Places)
	}
	if keys := e.out.keys(); !keys["event_registered_guardian:"+r.ID] {
		t.Errorf("the guardian of a minor was not told: %v", keys)
	}
	if _, err := alone(minor); domain.ErrorMessage(err) != "error.event.already_registered" {
		t.Errorf("a second registration: %v", err)
	}
	keyed := e.youth(t, "yanis", 16)
	in := events.RegistrationInput{EventID: ev.ID, Kind: domain.RegisterYouth, RequestKey: "form-1"}
	first, err := e.svc.Register(ctx, keyed, in)
	must(t, err)
	if again, err := e.svc.Register(ctx, keyed, in); err != nil || again.ID != first.ID {
		t.Errorf("the same form sent twice: %v, %v", again, err)
	}
	adult := e.youth(t, "ines", 19)
	r, err = alone(adult)
	must(t, err)
	if r.GuardianEmail != "" {
		t.Error("an adult's guardian is told")
	}
	if _, err := e.svc.Register(ctx, counsellor, events.RegistrationInput{EventID: ev.ID, Kind: domain.RegisterYouth}); domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Errorf("a counsellor registering as a youth: %v", err)
	}
	checkPlaces(t, e, ev.ID)
}

func TestOnlyStaffOrVerifiedOrganisationsCreate(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	in := events.EventInput{Kind: domain.EventJobDating, Title: "Job dating", Audiences: []domain.EventAudience{domain.AudienceYouths},
		Online: true, Link: "https://visio.example/jd", StartsAt: now.Add(time.Hour), EndsAt: now.Add(3 * time.Hour), Capacity: 20}
	if _, err := e.svc.Create(ctx, employer, in); domain.ErrorMessage(err) != "error.event.organiser" {
		t.Errorf("an employer without organisation: %v", err)
	}
	in.OrganisationID = "bakery"
	ev, err := e.svc.Create(ctx, employer, in)
	must(t, err)
	if ev.OrganisationName != "Boulangerie Éclair" || !events.Organises(employer, ev) || events.Organises(counsellor, ev) {
		t.Errorf("organiser %q", ev.OrganisationName)
	}
	stranger := &domain.User{ID: "x", Roles: []domain.Role{domain.RoleEmployer}, OrganisationIDs: []string{"unverified"}}
	in.OrganisationID = "unverified"
	if _, err := e.svc.Create(ctx, stranger, in); domain.ErrorMessage(err) != "error.event.unverified" {
		t.Errorf("an unverified organisation: %v", err)
	}
	in.OrganisationID, in.Stands = "", 0
	in.Online, in.CommuneCode, in.Address = false, "75056", "Paris"
	if _, err := e.svc.Create(ctx, staff, in); domain.ErrorMessage(err) != "error.event.commune" {
		t.Errorf("a commune outside the 92: %v", err)
	}
}

func TestDeletedAccountsRegistrationsAreCancelledAndForgotten(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ev := e.forum(t, 1, 0)
	leaving, waiting := e.youth(t, "noa", 16), e.youth(t, "eli", 17)
	r, err := e.svc.Register(ctx, leaving, events.RegistrationInput{EventID: ev.ID, Kind: domain.RegisterYouth})
	must(t, err)
	next, err := e.svc.Register(ctx, waiting, events.RegistrationInput{EventID: ev.ID, Kind: domain.RegisterYouth})
	must(t, err)
	section, data, err := e.svc.PersonalData(ctx, leaving)
	must(t, err)
	if records := data.([]events.RegistrationRecord); section != "events" || len(records) != 1 || records[0].Event != ev.Title {
		t.Errorf("export %s %+v", section, data)
	}
	must(t, e.svc.ErasePersonalData(ctx, leaving))
	gone, err := e.db.RegistrationByID(ctx, r.ID)
	must(t, err)
	if gone.Status != domain.RegistrationCancelled || gone.Name != "" || gone.Email != "" || gone.GuardianEmail != "" {
		t.Errorf("after deletion: %+v", gone)
	}
	if promoted, err := e.db.RegistrationByID(ctx, next.ID); err != nil || promoted.Status != domain.RegistrationConfirmed {
		t.Errorf("the waiting youth was not given the place: %+v %v", promoted, err)
	}
	checkPlaces(t, e, ev.ID)
}

// A crash between a registration's writes leaves places held by a waiting
// registration, or by a cancelled one: the repair confirms the first and
// gives back the second's places.
func TestRepairMendsWhatACrashLeft(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ev := e.forum(t, 20, 0)
	stuck := &domain.EventRegistration{ID: "evreg-stuck", EventID: ev.ID, Kind: domain.RegisterGroup, UserID: counsellor.ID,
		Name: counsellor.Name, Email: counsellor.Email, Places: 5, Status: domain.RegistrationWaitlisted, CreatedAt: now, UpdatedAt: now}
	left := &domain.EventRegistration{ID: "evreg-left", EventID: ev.ID, Kind: domain.RegisterGroup, UserID: counsellor.ID,
		Places: 7, Status: domain.RegistrationCancelled, CreatedAt: now, UpdatedAt: now}
	for _, r := range []*domain.EventRegistration{stuck, left} {
		must(t, e.db.InsertRegistration(ctx, r))
		took, err := e.db.TakeEventPlaces(ctx, ev.ID, domain.PoolSeats, r.Hold())
		must(t, err)
		if !took {
			t.Fatal("places not taken")
		}
	}
	n, err := e.svc.Repair(ctx)
	must(t, err)
	if n != 2 {
		t.Errorf("mended %d, want 2", n)
	}
	if checkPlaces(t, e, ev.ID) != 1 {
		t.Error("the stuck registration is not the one confirmed")
	}
	if n, err := e.svc.Repair(ctx); err != nil || n != 0 {
		t.Errorf("a second repair mended %d (%v)", n, err)
	}
}

func TestOrganiserRecordsAttendanceOnceBegunAndMayCancel(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ev := e.forum(t, 30, 0)
	r, err := e.svc.Register(ctx, counsellor, group(ev.ID, 12, "a"))
	must(t, err)
	if _, err := e.svc.MarkAttendance(ctx, staff, r.ID, domain.RegistrationAttended); domain.ErrorMessage(err) != "error.event.not_yet" {
		t.Errorf("attendance before the event: %v", err)
	}
	during := events.New(e.db, e.out, slog.New(slog.DiscardHandler), func() time.Time { return ev.StartsAt.Add(time.Hour) })
	if _, err := during.MarkAttendance(ctx, counsellor, r.ID, domain.RegistrationAttended); domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Errorf("the registrant records their own attendance: %v", err)
	}
	if _, err := during.MarkAttendance(ctx, staff, r.ID, "present"); domain.ErrorMessage(err) != "error.event.attendance" {
		t.Errorf("an unknown attendance: %v", err)
	}
	got, err := during.MarkAttendance(ctx, staff, r.ID, domain.RegistrationNoShow)
	must(t, err)
	if got.Status != domain.RegistrationNoShow {
		t.Errorf("attendance %s", got.Status)
	}
	if _, _, err := during.CancelRegistration(ctx, counsellor, r.ID); domain.ErrorMessage(err) != "error.event.started" {
		t.Errorf("cancelling once begun: %v", err)
	}

	other := e.forum(t, 30, 0)
	r2, err := e.svc.Register(ctx, counsellor, group(other.ID, 4, "b"))
	must(t, err)
	if _, err := e.svc.CancelEvent(ctx, employer, other.ID); domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Errorf("a stranger cancels the event: %v", err)
	}
	cancelled, err := e.svc.CancelEvent(ctx, staff, other.ID)
	must(t, err)
	if cancelled.Status != domain.EventCancelled || !e.out.keys()["event_cancelled:"+r2.ID] {
		t.Errorf("event %s, registrants told: %v", cancelled.Status, e.out.keys())
	}
	if _, err := e.svc.Register(ctx, counsellor, group(other.ID, 4, "c")); domain.ErrorMessage(err) != "error.event.closed" {
		t.Errorf("registering to a cancelled event: %v", err)
	}
}
