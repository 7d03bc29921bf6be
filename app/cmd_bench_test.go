package main

import (
	"strings"
	"testing"

	"passerelle/app/domain"
	"passerelle/search/bench"
	"passerelle/search/searchtest"
)

func TestBenchSearchMeasuresBothEngines(t *testing.T) {
	server := searchtest.RunMeilisearch(t) // the command is given a running server
	code, out, errOut, _ := runCLI(t, validConfig, "bench", "search", "--docs", "300", "--queries", "40",
		"--meilisearch-url", server.URL, "--meilisearch-key", server.Key)
	if code != 0 {
		t.Fatalf("status %d: %s", code, errOut)
	}
	for _, engine := range []string{"embedded", "meilisearch"} {
		for _, kind := range bench.Kinds {
			if !strings.Contains(out, engine) || !strings.Contains(out, kind) {
				t.Errorf("report lacks %s / %s:\n%s", engine, kind, out)
			}
		}
	}
}

func TestBenchNeedsAKnownTarget(t *testing.T) {
	if code, _, errOut, _ := runCLI(t, validConfig, "bench", "nothing"); code != 2 || !strings.Contains(errOut, "bench search") {
		t.Errorf("bench nothing: status %d, %q", code, errOut)
	}
}

// The seats check counts a session over its capacity, and one whose seats
// left or holders are not its bookings'; cancelled and waiting bookings
// hold nothing.
func TestBenchSeatsFindsSessionsOverCapacity(t *testing.T) {
	sessions := []domain.VisitSession{{ID: "ok", Capacity: 10, SeatsLeft: 4, Holders: []string{"a"}},
		{ID: "over", Capacity: 10, SeatsLeft: 0, Holders: []string{"b", "c"}}, {ID: "wrong", Capacity: 10, SeatsLeft: 10}}
	bookings := []domain.Booking{{SessionID: "ok", Seats: 6, Status: domain.BookingConfirmed},
		{SessionID: "ok", Seats: 9, Status: domain.BookingWaitlisted}, {SessionID: "ok", Seats: 9, Status: domain.BookingCancelled},
		{SessionID: "over", Seats: 6, Status: domain.BookingConfirmed}, {SessionID: "over", Seats: 6, Status: domain.BookingAttended},
		{SessionID: "wrong", Seats: 2, Status: domain.BookingConfirmed}}
	if got := checkSeats(sessions, bookings); got != (seatCheck{holding: 4, over: 1, wrong: 1}) {
		t.Errorf("checkSeats: %+v", got)
	}
}
