package store_test

import (
	"context"
	"testing"
	"time"

	"passerelle/app/domain"
)

// A batch claim takes, of the listed notifications, those still due: not
// one claimed by a live sender, nor one due later; a claim that ran out
// (its sender died) is taken over as the next attempt. A send is committed
// once, and settled sent with its batch.
func TestNotificationClaimTakeoverAndSingleCommit(t *testing.T) {
	ctx := context.Background()
	n := domain.Notification{ID: newID("notification"), Email: "a@example.org", Subject: "s",
		State: domain.NotificationPending, NextAt: monday, CreatedAt: monday}
	later := n
	later.ID, later.NextAt = newID("notification"), monday.Add(time.Hour)
	bodies := []domain.NotificationBody{{ID: n.ID, Text: "t"}, {ID: later.ID, Text: "t"}}
	if _, err := testDB.InsertNotifications(ctx, []domain.Notification{n, later}, bodies); err != nil {
		t.Fatal(err)
	}
	claim := func(name string, now time.Time) []domain.Notification {
		got, err := testDB.ClaimNotifications(ctx, []string{n.ID, later.ID}, name, now, now.Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := claim("dead", monday); len(got) != 1 || got[0].ID != n.ID || got[0].Attempts != 1 {
		t.Fatalf("first claim: %+v", got)
	}
	if got := claim("early", monday.Add(30*time.Second)); len(got) != 0 {
		t.Fatalf("a live claim was taken over: %+v", got)
	}
	got := claim("next", monday.Add(2*time.Minute))
	if len(got) != 1 || got[0].Attempts != 2 || got[0].ClaimedBy != "next" || got[0].State != domain.NotificationSending {
		t.Fatalf("takeover: %+v", got)
	}
	for i, want := range []bool{true, false} {
		if won, err := testDB.CommitNotification(ctx, n.ID, "next", monday); err != nil || won != want {
			t.Fatalf("commit %d: %v %v", i, won, err)
		}
	}
	if err := testDB.SettleNotificationsSent(ctx, []string{n.ID}, monday); err != nil {
		t.Fatal(err)
	}
	if stored, err := testDB.Notification(ctx, n.ID); err != nil || stored.State != domain.NotificationSent {
		t.Fatalf("stored %+v %v", stored, err)
	}
}

// TestASendCommitIsOnDiskWhenItReturns: the embedded database's commits do
// not wait for the disk, so the commit of a send, after which the relay
// accepts the email, flushes its files itself (and only the winner's).
func TestASendCommitIsOnDiskWhenItReturns(t *testing.T) {
	before := testDB.EmbeddedSyncs()
	if before < 0 {
		t.Skip("MongoDB: a write is durable as its write concern says")
	}
	ctx := context.Background()
	id := domain.NewID("notification")
	if won, err := testDB.CommitNotification(ctx, id, "sender", time.Now()); err != nil || !won {
		t.Fatalf("first commit: %v %v", won, err)
	}
	flushed := testDB.EmbeddedSyncs()
	if flushed-before < 2 {
		t.Fatalf("the commit flushed %d files, want the log and the database", flushed-before)
	}
	if won, err := testDB.CommitNotification(ctx, id, "other", time.Now()); err != nil || won {
		t.Fatalf("second commit: %v %v", won, err)
	}
	if after := testDB.EmbeddedSyncs(); after != flushed {
		t.Fatalf("a lost commit flushed %d files", after-flushed)
	}
}
