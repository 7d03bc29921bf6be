package main

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/jobs"
)

// Seats that a crash left held for a booking never saved are given back by
// the booking_repair job as soon as the platform starts again, the run is
// recorded and /metrics counts it.
func TestBookingRepairRunsAtStartUp(t *testing.T) {
	cfg := testConfig(t)
	ctx := context.Background()
	m := NewMain(cfg, slog.New(slog.DiscardHandler))
	if err := m.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Close(context.Background()) })
	start := time.Now().AddDate(0, 1, 0)
	vs := domain.VisitSession{ID: "session-crashed", OfferID: "offer-x", StartsAt: start, EndsAt: start.Add(time.Hour), Capacity: 20}
	vs.OpenAllSeats()
	if err := m.DB.InsertSession(ctx, &vs); err != nil {
		t.Fatal(err)
	}
	leaked := domain.SeatHold{BookingID: "booking-never-saved", Seats: 6, At: time.Now().Add(-time.Hour)}
	if took, err := m.DB.TakeSeats(ctx, vs.ID, leaked); !took || err != nil {
		t.Fatal(took, err)
	}
	if err := m.Listen(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(100 * time.Millisecond) {
		statuses, err := m.Jobs.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if run := statusOf(statuses, "booking_repair"); run != nil && run.Last != nil {
			if run.Last.Report.Items != 1 {
				t.Errorf("the start-up run mended %d holds, want 1: %+v", run.Last.Report.Items, run.Last)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("booking_repair did not run at start-up")
		}
	}
	if got, err := m.DB.SessionByID(ctx, vs.ID); err != nil || got.SeatsLeft != 20 || len(got.Holders) != 0 {
		t.Errorf("after the start-up repair: %+v, %v", got, err)
	}
	if _, body := httpGet(t, m.URL()+"/metrics"); !strings.Contains(body, "passerelle_booking_repair_mended_total") {
		t.Error("/metrics does not count the repairs")
	}
}

func statusOf(statuses []jobs.Status, name string) *jobs.Status {
	for i := range statuses {
		if statuses[i].Name == name {
			return &statuses[i]
		}
	}
	return nil
}
