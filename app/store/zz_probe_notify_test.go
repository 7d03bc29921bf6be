package store_test

import (
	"fmt"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"

	"passerelle/app/domain"
	"passerelle/app/store/storetest"
)

func TestProbeNotificationOps(t *testing.T) {
	db := storetest.Open(t)
	ctx := t.Context()
	now := time.Now()
	var ns []domain.Notification
	var bodies []domain.NotificationBody
	for i := range 1000 {
		id := fmt.Sprintf("staff_summary/2026-W49/agent%04d@x.fr", i)
		ns = append(ns, domain.Notification{ID: id, Email: "a@x.fr", Subject: "s", State: domain.NotificationPending, NextAt: now, CreatedAt: now})
		bodies = append(bodies, domain.NotificationBody{ID: id, Text: string(make([]byte, 3000)), HTML: string(make([]byte, 5000))})
	}
	db.InsertNotifications(ctx, ns, bodies)
	id := ns[500].ID
	timeIt := func(name string, f func()) {
		start := time.Now()
		for range 5 {
			f()
		}
		t.Logf("%s: %v", name, time.Since(start)/5)
	}
	timeIt("due", func() { db.DueNotifications(ctx, now.Add(time.Second), 0) })
	timeIt("claim", func() { db.ClaimNotification(ctx, id, "o", now.Add(time.Hour), now.Add(2*time.Hour)) })
	timeIt("body", func() { db.NotificationBody(ctx, id) })
	timeIt("move", func() { db.MoveNotification(ctx, id, "o", domain.NotificationSending, domain.NotificationMove{State: domain.NotificationSending}) })
	timeIt("byid", func() { db.Notification(ctx, id) })
	_ = bson.D{}
}
