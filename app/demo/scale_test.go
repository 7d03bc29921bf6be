package demo

import (
	"reflect"
	"testing"
)

// Scale 2 is enough to show how the data set grows: scale 20 takes seconds.
func TestScaleTwoDoublesTheDataSetAndIsDeterministic(t *testing.T) {
	now := testDays[0]
	one, two := Generate(now), GenerateScaled(now, 2)
	if again := GenerateScaled(now, 2); !reflect.DeepEqual(two, again) {
		t.Fatal("two data sets of scale 2 generated the same day differ")
	}
	if !reflect.DeepEqual(one, GenerateScaled(now, 1)) {
		t.Fatal("scale 1 is not the demo data set")
	}
	for _, c := range []struct {
		what     string
		one, two int
	}{
		{"organisations", len(one.Organisations), len(two.Organisations)},
		{"offers", len(one.Offers), len(two.Offers)},
		{"visit sessions", len(one.Sessions), len(two.Sessions)},
		{"youths", len(one.Youths), len(two.Youths)},
		{"bookings", len(one.Bookings), len(two.Bookings)},
		{"applications", len(one.Applications), len(two.Applications)},
	} {
		if ratio := float64(c.two) / float64(c.one); ratio < 1.7 || ratio > 2.3 {
			t.Errorf("%s: %d at scale 1, %d at scale 2 (×%.2f), want about twice", c.what, c.one, c.two, ratio)
		}
	}
	names := map[string]bool{}
	for _, o := range two.Organisations {
		if o.Kind != "school" && names[o.Name] {
			t.Errorf("two organisations named %q", o.Name)
		}
		names[o.Name] = true
	}
}

func TestLargerScalesAddPastEditions(t *testing.T) {
	d := GenerateScaled(testDays[0], 1+editionsEvery)
	if len(d.Calls) != 2 || d.Calls[0].Title != "PROGR'ESS 2024" || d.Calls[1].Title != "PROGR'ESS 2023" {
		t.Fatalf("calls %+v, want the current edition first, then last year's", d.Calls)
	}
	for _, past := range d.Calls[1:] {
		if !past.ClosesAt.Before(testDays[0]) {
			t.Errorf("%s closes %s, after today", past.Title, past.ClosesAt)
		}
	}
}
