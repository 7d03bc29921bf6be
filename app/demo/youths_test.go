package demo

import (
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

func TestYouthsOfEveryAge(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, today time.Time) {
		ages := map[int]int{}
		consents := 0
		for _, y := range d.Youths {
			age := y.Age(today)
			ages[age]++
			if _, ok := refdata.CommuneByCode(y.CommuneCode); !ok || y.FirstName == "" || y.Situation == "" || y.Level == "" {
				t.Errorf("youth %s: %+v", y.ID, y)
			}
			if (age < 18) != (y.GuardianEmail != "") {
				t.Errorf("youth %s, %d: guardian %q", y.ID, age, y.GuardianEmail)
			}
			if y.GuardianConsentAt != nil {
				consents++
			}
			if age < 15 && y.VisibleToEmployers && y.GuardianConsentAt == nil {
				t.Errorf("youth %s, %d, visible to employers without consent", y.ID, age)
			}
			checkWishes(t, y, age)
		}
		for age := domain.MinYouthAge; age <= domain.MaxYouthAge; age++ {
			if ages[age] < 5 {
				t.Errorf("%d youths aged %d", ages[age], age)
			}
		}
		if len(ages) != domain.MaxYouthAge-domain.MinYouthAge+1 || consents == 0 || consents == ages[14] {
			t.Errorf("ages %v, %d guardian consents: want only 14–25 and consent for some under 15", ages, consents)
		}
	})
}

// checkWishes checks that a youth wants offers open to their age, with interests the profile offers.
func checkWishes(t *testing.T, y domain.Youth, age int) {
	t.Helper()
	if len(y.WantedTypes) == 0 {
		t.Errorf("youth %s wants nothing", y.ID)
	}
	for _, wanted := range y.WantedTypes {
		if span := openTo[wanted]; age < span[0] || age > span[1] {
			t.Errorf("youth %s, %d, wants %s", y.ID, age, wanted)
		}
	}
	for _, interest := range y.Interests {
		if !offeredInterest(interest) {
			t.Errorf("youth %s: interest %q, which the profile form does not offer", y.ID, interest)
		}
	}
}

func TestEveryEmailIsUniqueAndOurs(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, _ time.Time) {
		seen := map[string]bool{}
		for _, u := range d.Users {
			if seen[u.Email] || !strings.HasSuffix(u.Email, "@"+EmailDomain) || u.PasswordHash != "" {
				t.Errorf("user %s: e-mail %q (seen: %v), password hash %q", u.ID, u.Email, seen[u.Email], u.PasswordHash)
			}
			seen[u.Email] = true
		}
		for _, y := range d.Youths {
			if y.GuardianEmail != "" && !strings.HasSuffix(y.GuardianEmail, "@"+EmailDomain) {
				t.Errorf("youth %s: guardian e-mail %q", y.ID, y.GuardianEmail)
			}
		}
	})
}
