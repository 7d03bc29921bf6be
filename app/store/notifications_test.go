package store_test

import (
	"context"
	"testing"
	"time"

	"passerelle/app/domain"
)

// A sender that died between claiming an attempt and recording it leaves
// the notification listed as pending: the attempt is taken over once its
// claim ran out, never before; and a send is committed once.
func TestNotificationClaimTakeoverAndSingleCommit(t *testing.T) {
	ctx := context.Background()
	n := domain.Notification{ID: newID("notification"), Email: "a@example.org", Subject: "s",
		State: domain.NotificationPending, NextAt: monday, CreatedAt: monday}
	if _, err := testDB.InsertNotifications(ctx, []domain.Notification{n}, []domain.NotificationBody{{ID: n.ID, Text: "t"}}); err != nil {
		t.Fatal(err)
	}
	claim := func(owner string, now time.Time) *domain.Notification {
		got, err := testDB.ClaimNotification(ctx, n, owner, now, now.Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := claim("dead", monday); got == nil || got.Attempts != 1 {
		t.Fatalf("first claim: %+v", got)
	}
	// n, as listed before the dead sender's claim, still says pending.
	if got := claim("early", monday.Add(30*time.Second)); got != nil {
		t.Fatal("a live claim was taken over")
	}
	got := claim("next", monday.Add(2*time.Minute))
	if got == nil || got.Attempts != 2 || got.ClaimedBy != "next" {
		t.Fatalf("takeover: %+v", got)
	}
	for i, want := range []bool{true, false} {
		if won, err := testDB.CommitNotification(ctx, n.ID, "next", monday); err != nil || won != want {
			t.Fatalf("commit %d: %v %v", i, won, err)
		}
	}
	if stored, err := testDB.Notification(ctx, n.ID); err != nil || stored.State != domain.NotificationSent {
		t.Fatalf("stored %+v %v", stored, err)
	}
}
