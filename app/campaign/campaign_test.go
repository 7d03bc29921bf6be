package campaign_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passerelle/app/campaign"
	"passerelle/app/domain"
)

// The whole life of a campaign: wishes until the deadline, a run after it,
// results stored with their seed, a publication that books seats and emails
// each counsellor once, and a second publication that changes nothing.
func TestCampaignLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.open(t)
	if want := []string{"session-mon", "session-tue"}; strings.Join(c.SessionIDs, ",") != strings.Join(want, ",") {
		t.Fatalf("sessions of the week: %v, want %v", c.SessionIDs, want)
	}
	rep := f.wish(t, f.rep, c, "3e B", "25", "session-tue", "session-mon")
	city := f.wish(t, f.city, c, "3e A", "25", "session-tue", "", "session-mon")
	if _, err := f.svc.Run(ctx, f.staff, c.ID); domain.ErrorMessage(err) != "error.campaign.too_early" {
		t.Fatalf("run before the deadline: %v", err)
	}
	f.now = c.WishDeadline
	if _, err := f.svc.SaveGroup(ctx, f.city, c.ID, campaign.GroupInput{Name: "3e C", Size: "20", Level: "3e",
		Wishes: []string{"session-mon"}}); domain.ErrorMessage(err) != "error.campaign.closed" {
		t.Fatalf("wish after the deadline: %v", err)
	}
	ran, err := f.svc.Run(ctx, f.staff, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := f.db.CampaignByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Status != domain.CampaignAllocated || stored.Seed != ran.Seed || len(stored.Results) != 2 {
		t.Fatalf("stored after the run: %+v", stored)
	}
	expectResult(t, stored, rep.ID, "session-tue", "vœu n°1 obtenu")
	expectResult(t, stored, city.ID, "session-mon", "vœu n°2 obtenu ; vœu n°1 complet")

	publishTwice(t, f, c)
	for id, left := range map[string]int{"session-tue": 5, "session-mon": 5} {
		vs, err := f.db.SessionByID(ctx, id)
		if err != nil || vs.SeatsLeft != left {
			t.Errorf("%s: %d seats left (%v), want %d", id, vs.SeatsLeft, err, left)
		}
	}
	b, err := f.db.BookingByID(ctx, domain.CampaignBookingID(c.ID, city.ID))
	if err != nil || b.Status != domain.BookingConfirmed || b.Seats != 25 || b.CounsellorID != f.city.ID {
		t.Fatalf("booking of the city group: %+v %v", b, err)
	}
}

func expectResult(t *testing.T, c *domain.Campaign, groupID, session, explanation string) {
	t.Helper()
	r := c.ResultOf(groupID)
	if r.SessionID != session || !strings.HasPrefix(r.Explanation, explanation) {
		t.Errorf("result of %s: %+v, want %s with %q", groupID, r, session, explanation)
	}
}

// publishTwice publishes, checks the two emails, and publishes again.
func publishTwice(t *testing.T, f *fixture, c *domain.Campaign) {
	t.Helper()
	p, err := f.svc.Publish(context.Background(), f.staff, c.ID)
	if err != nil || p != (campaign.Published{Booked: 2, Emails: 2}) {
		t.Fatalf("publish: %+v %v", p, err)
	}
	emails := f.emails(t)
	if len(emails) != 2 {
		t.Fatalf("%d emails, want 2", len(emails))
	}
	for _, m := range emails {
		if m.To[0] == "lea@example.fr" && !strings.Contains(m.Text, "vœu n°1 complet") {
			t.Errorf("the email to Léa does not explain: %s", m.Text)
		}
	}
	again, err := f.svc.Publish(context.Background(), f.staff, c.ID)
	if err != nil || again != (campaign.Published{Booked: 2}) || len(f.emails(t)) != 2 {
		t.Fatalf("second publication: %+v %v, %d emails", again, err, len(f.emails(t)))
	}
	if _, err := f.svc.Run(context.Background(), f.staff, c.ID); domain.ErrorMessage(err) != "error.campaign.published" {
		t.Fatalf("run after publication: %v", err)
	}
}

// Bad wishes come back as a French message next to their field, and
// nothing is written.
func TestWishesValidation(t *testing.T) {
	f := newFixture(t)
	c := f.open(t)
	good := campaign.GroupInput{Name: "3e B", Size: "25", Level: "3e", Wishes: []string{"session-mon"}}
	for _, tc := range []struct {
		name        string
		edit        func(*campaign.GroupInput)
		field, want string
	}{
		{"no name", func(in *campaign.GroupInput) { in.Name = " " }, "name", "error.campaign.group_name"},
		{"size not a number", func(in *campaign.GroupInput) { in.Size = "vingt" }, "size", "error.campaign.group_size"},
		{"size zero", func(in *campaign.GroupInput) { in.Size = "0" }, "size", "error.campaign.group_size"},
		{"no level", func(in *campaign.GroupInput) { in.Level = "" }, "level", "error.campaign.group_level"},
		{"no wish", func(in *campaign.GroupInput) { in.Wishes = []string{"", ""} }, "wish1", "error.campaign.wishes_none"},
		{"eleven wishes", func(in *campaign.GroupInput) { in.Wishes = eleven() }, "wish1", "error.campaign.wishes_many"},
		{"a session of another week", func(in *campaign.GroupInput) { in.Wishes = []string{"session-mon", "session-later"} }, "wish2", "error.campaign.wish_unknown"},
		{"the same session twice", func(in *campaign.GroupInput) { in.Wishes = []string{"session-mon", "session-mon"} }, "wish2", "error.campaign.wish_twice"},
		{"another school", func(in *campaign.GroupInput) { in.StructureID = "org-rep" }, "structure_id", "error.campaign.structure"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := good
			tc.edit(&in)
			_, err := f.svc.SaveGroup(context.Background(), f.city, c.ID, in)
			expectFieldError(t, err, tc.field, tc.want)
		})
	}
	groups, err := f.db.CampaignGroups(context.Background(), c.ID, "")
	if err != nil || len(groups) != 0 {
		t.Fatalf("bad wishes were written: %v %v", groups, err)
	}
}

func eleven() []string {
	wishes := make([]string, 11)
	for i := range wishes {
		wishes[i] = "session-mon"
	}
	return wishes
}

func expectFieldError(t *testing.T, err error, field, key string) {
	t.Helper()
	de, ok := err.(*domain.Error)
	if !ok || de.Code != domain.EINVALID || de.Field != field || de.Message != key {
		t.Fatalf("error %v, want %s on %s", err, key, field)
	}
}

func TestCampaignValidation(t *testing.T) {
	f := newFixture(t)
	good := campaign.CampaignInput{Title: "Semaine", WeekStart: "2027-03-15", WishDeadline: "2027-03-01T12:00", PriorityShare: "30"}
	for _, tc := range []struct {
		name        string
		edit        func(*campaign.CampaignInput)
		field, want string
	}{
		{"no title", func(in *campaign.CampaignInput) { in.Title = "" }, "title", "error.campaign.title"},
		{"not a Monday", func(in *campaign.CampaignInput) { in.WeekStart = "2027-03-16" }, "week_start", "error.campaign.week_start"},
		{"no week", func(in *campaign.CampaignInput) { in.WeekStart = "" }, "week_start", "error.campaign.week_start"},
		{"deadline past", func(in *campaign.CampaignInput) { in.WishDeadline = "2027-01-01T12:00" }, "wish_deadline", "error.campaign.wish_deadline"},
		{"deadline in the week", func(in *campaign.CampaignInput) { in.WishDeadline = "2027-03-16T12:00" }, "wish_deadline", "error.campaign.wish_deadline"},
		{"deadline unreadable", func(in *campaign.CampaignInput) { in.WishDeadline = "demain" }, "wish_deadline", "error.call.instant_format"},
		{"share over 100", func(in *campaign.CampaignInput) { in.PriorityShare = "120" }, "priority_share", "error.campaign.priority_share"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := good
			tc.edit(&in)
			_, err := f.svc.Create(context.Background(), f.staff, in)
			expectFieldError(t, err, tc.field, tc.want)
		})
	}
	if list, err := f.db.Campaigns(context.Background()); err != nil || len(list) != 0 {
		t.Fatalf("bad campaigns were written: %v %v", list, err)
	}
}

// Only staff open and run campaigns; a counsellor edits only their groups.
func TestCampaignAccess(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.svc.Create(ctx, f.rep, campaign.CampaignInput{}); domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Fatalf("a counsellor created a campaign: %v", err)
	}
	c := f.open(t)
	g := f.wish(t, f.rep, c, "3e B", "25", "session-tue")
	_, err := f.svc.SaveGroup(ctx, f.city, c.ID, campaign.GroupInput{GroupID: g.ID, Name: "pris", Size: "20", Level: "3e",
		Wishes: []string{"session-mon"}})
	if domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Fatalf("a counsellor changed another's group: %v", err)
	}
	f.now = f.now.Add(30 * 24 * time.Hour)
	for _, run := range []func() error{
		func() error { _, err := f.svc.Run(ctx, f.rep, c.ID); return err },
		func() error { _, err := f.svc.Publish(ctx, f.rep, c.ID); return err },
	} {
		if err := run(); domain.ErrorCode(err) != domain.EFORBIDDEN {
			t.Errorf("a counsellor ran or published: %v", err)
		}
	}
}

// A session that fills up between the run and the publication loses its
// group, which is told why; the other group keeps its seats.
func TestPublishAfterTheSessionFilledUp(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.open(t)
	lost := f.wish(t, f.rep, c, "3e B", "20", "session-tue")
	f.wish(t, f.city, c, "3e A", "20", "session-mon")
	f.now = c.WishDeadline
	if _, err := f.svc.Run(ctx, f.staff, c.ID); err != nil {
		t.Fatal(err)
	}
	if took, err := f.db.TakeSeats(ctx, "session-tue", domain.SeatHold{BookingID: "another-group", Seats: 15}); err != nil || !took {
		t.Fatal(took, err)
	}
	p, err := f.svc.Publish(ctx, f.staff, c.ID)
	if err != nil || p != (campaign.Published{Booked: 1, Lost: 1, Emails: 2}) {
		t.Fatalf("publish: %+v %v", p, err)
	}
	stored, err := f.db.CampaignByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r := stored.ResultOf(lost.ID); r.SessionID != "" || !strings.Contains(r.Explanation, "remplie avant la publication") {
		t.Fatalf("the lost group's result: %+v", r)
	}
	if _, err := f.db.BookingByID(ctx, domain.CampaignBookingID(c.ID, lost.ID)); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("the lost group was booked: %v", err)
	}
}
