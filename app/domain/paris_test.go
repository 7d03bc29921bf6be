package domain

import (
	"testing"
	"time"
)

func TestParisInstant(t *testing.T) {
	cases := []struct {
		value   string
		wantUTC string // "" when refused
		key     string
	}{
		{"2026-11-26T12:00", "2026-11-26T11:00:00Z", ""},       // winter: UTC+1
		{"2026-06-30T12:00", "2026-06-30T10:00:00Z", ""},       // summer: UTC+2
		{"2026-03-29T02:30", "", "error.call.instant_skipped"}, // clocks jump from 02:00 to 03:00
		{"2026-03-29T03:00", "2026-03-29T01:00:00Z", ""},       // first minute of summer time
		{"2026-10-25T02:30", "2026-10-25T00:30:00Z", ""},       // repeated: the earlier instant
		{"2026-10-25T03:00", "2026-10-25T02:00:00Z", ""},       // after the repeat
		{"26/11/2026 12:00", "", "error.call.instant_format"},
	}
	for _, c := range cases {
		got, err := ParisInstant("closes_at", c.value)
		if c.key != "" {
			if ErrorMessage(err) != c.key {
				t.Errorf("%s: err %v, want %s", c.value, err, c.key)
			}
			continue
		}
		if err != nil || got.UTC().Format(time.RFC3339) != c.wantUTC {
			t.Errorf("%s: %v, %v; want %s", c.value, got.UTC(), err, c.wantUTC)
		}
	}
}

// TestCallClosesAtTheExactInstant: the closing instant itself is too late.
func TestCallClosesAtTheExactInstant(t *testing.T) {
	closes, _ := ParisInstant("closes_at", "2026-10-25T02:30")
	c := Call{OpensAt: closes.AddDate(0, -1, 0), ClosesAt: closes}
	if !c.IsOpen(closes.Add(-time.Nanosecond)) {
		t.Error("closed one nanosecond before its closing instant")
	}
	if c.IsOpen(closes) || c.IsOpen(closes.Add(time.Hour)) {
		t.Error("open at its closing instant, or at the second 02:30 of the night")
	}
}
