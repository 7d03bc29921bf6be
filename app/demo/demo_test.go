package demo

import (
	"reflect"
	"testing"
	"time"

	"passerelle/app/domain"
)

// testDays are the days the invariants are checked on: an ordinary day, the
// eve of a daylight-saving change, New Year's Eve and a leap day.
var testDays = []time.Time{
	time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC),
	time.Date(2027, 3, 27, 10, 0, 0, 0, time.UTC),
	time.Date(2026, 12, 31, 22, 30, 0, 0, time.UTC), // already 1 January in Paris
	time.Date(2028, 2, 29, 8, 0, 0, 0, time.UTC),
}

// forEachDay runs check on the data set of every test day; today is midnight
// in Paris of that day.
func forEachDay(t *testing.T, check func(t *testing.T, d *Dataset, today time.Time)) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	for _, now := range testDays {
		local := now.In(paris)
		today := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, paris)
		t.Run(local.Format("2006-01-02"), func(t *testing.T) { check(t, Generate(now), today) })
	}
}

func TestGenerateIsDeterministicWithinADay(t *testing.T) {
	morning := time.Date(2026, 11, 26, 6, 0, 0, 0, time.UTC)
	evening := time.Date(2026, 11, 26, 22, 0, 0, 0, time.UTC) // 23:00 in Paris
	if a, b := Generate(morning), Generate(evening); !reflect.DeepEqual(a, b) {
		t.Error("two data sets generated the same day in Paris differ")
	}
	if a, b := Generate(morning), Generate(morning.AddDate(0, 0, 1)); reflect.DeepEqual(a.Offers, b.Offers) {
		t.Error("the data set does not move with the day: offers are not dated from now")
	}
}

func TestCountsAreInRange(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, _ time.Time) {
		counts := []struct {
			what   string
			n      int
			lo, hi int
		}{
			{"organisations", len(d.Organisations), 100, 160},
			{"employers", len(employersOf(d)), 55, 70},
			{"offers", len(d.Offers), 200, 500},
			{"visit sessions", len(d.Sessions), 50, 400},
			{"youths", len(d.Youths), 100, 200},
			{"users", len(d.Users), len(d.Youths) + len(domain.Roles) - 1 + activityMembers, len(d.Youths) + len(domain.Roles) - 1 + activityMembers},
			{"accounts", len(d.Accounts), len(domain.Roles), len(domain.Roles)},
			{"calls", len(d.Calls), 1, 1},
		}
		for _, c := range counts {
			if c.n < c.lo || c.n > c.hi {
				t.Errorf("%d %s, want %d to %d", c.n, c.what, c.lo, c.hi)
			}
		}
	})
}

func TestIDsAreUniqueAndReferencesResolve(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, _ time.Time) {
		orgs, offers, users := ids(t, d.Organisations), ids(t, d.Offers), ids(t, d.Users)
		ids(t, d.Sessions)
		for _, o := range d.Offers {
			if orgs[o.OrganisationID] == nil {
				t.Errorf("offer %s: unknown organisation %s", o.ID, o.OrganisationID)
			}
		}
		for _, s := range d.Sessions {
			if o := offers[s.OfferID]; o == nil || o.Type != domain.OfferVisit {
				t.Errorf("session %s: %s is not a visit offer", s.ID, s.OfferID)
			}
		}
		for _, u := range d.Users {
			for _, id := range u.OrganisationIDs {
				if orgs[id] == nil {
					t.Errorf("user %s: unknown organisation %s", u.Email, id)
				}
			}
		}
		for _, y := range d.Youths {
			if users[y.ID] == nil || !users[y.ID].HasRole(domain.RoleYouth) {
				t.Errorf("youth %s has no youth account", y.ID)
			}
			if y.StructureID != "" && (orgs[y.StructureID] == nil || !orgs[y.StructureID].Kind.IsStructure()) {
				t.Errorf("youth %s: %s is not a structure", y.ID, y.StructureID)
			}
		}
	})
}

// ids indexes items by ID, failing on empty and duplicate IDs.
func ids[T any](t *testing.T, items []T) map[string]*T {
	t.Helper()
	index := map[string]*T{}
	for i := range items {
		id := reflect.ValueOf(items[i]).FieldByName("ID").String()
		if id == "" || index[id] != nil {
			t.Errorf("empty or duplicate ID %q in %T", id, items[i])
		}
		index[id] = &items[i]
	}
	return index
}
