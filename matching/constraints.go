package matching

import (
	"fmt"
	"time"
)

// Constraint names a hard rule an offer must meet before it is scored.
type Constraint string

const (
	ConstraintAge             Constraint = "age"
	ConstraintGuardianConsent Constraint = "guardian_consent"
	ConstraintOpen            Constraint = "open"
	ConstraintDates           Constraint = "dates"
)

// Refusal says which constraint ruled an offer out, in French.
type Refusal struct {
	Constraint  Constraint
	Explanation string
}

func (r *Refusal) Error() string { return string(r.Constraint) + ": " + r.Explanation }

// check returns the first constraint the pair fails, or nil.
func check(y Youth, o Offer, now time.Time) *Refusal {
	age := y.Age(now)
	switch {
	case !ageFits(age, o.AgeMin, o.AgeMax):
		return &Refusal{ConstraintAge, fmt.Sprintf("réservée aux %s, tu as %d ans", ageRange(o.AgeMin, o.AgeMax), age)}
	case age < GuardianConsentAge && !y.GuardianConsent:
		return &Refusal{ConstraintGuardianConsent, "avant 15 ans, il faut d'abord l'accord de ton représentant légal"}
	case !o.Open || (!o.End.IsZero() && o.End.Before(now)):
		return &Refusal{ConstraintOpen, "cette offre n'accepte plus de candidatures"}
	case !overlaps(o.Start, o.End, y.AvailableFrom, y.AvailableTo):
		return &Refusal{ConstraintDates, "ses dates ne correspondent pas à tes disponibilités"}
	}
	return nil
}

func ageFits(age, lo, hi int) bool {
	return (lo == 0 || age >= lo) && (hi == 0 || age <= hi)
}

func ageRange(lo, hi int) string {
	switch {
	case hi == 0:
		return fmt.Sprintf("%d ans et plus", lo)
	case lo == 0:
		return fmt.Sprintf("%d ans et moins", hi)
	}
	return fmt.Sprintf("%d–%d ans", lo, hi)
}

// overlaps reports whether two periods share a day; a zero bound is open.
func overlaps(start, end, from, to time.Time) bool {
	startsAfterWindow := !to.IsZero() && !start.IsZero() && start.After(to)
	endsBeforeWindow := !from.IsZero() && !end.IsZero() && end.Before(from)
	return !startsAfterWindow && !endsBeforeWindow
}
