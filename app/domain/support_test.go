package domain

import (
	"errors"
	"testing"
)

// A structure moves its requests forward, may reopen a closed one, and
// never sends one back to staff's queue.
func TestSupportMoves(t *testing.T) {
	for _, c := range []struct {
		from, to SupportStatus
		ok       bool
	}{
		{SupportAssigned, SupportInProgress, true}, {SupportAssigned, SupportClosed, true},
		{SupportInProgress, SupportClosed, true}, {SupportClosed, SupportInProgress, true},
		{SupportInProgress, SupportInProgress, true}, // the next meeting alone changes
		{SupportInProgress, SupportAssigned, false}, {SupportAssigned, SupportNew, false},
		{SupportNew, SupportInProgress, false}, {SupportClosed, SupportAssigned, false},
	} {
		if got := CanMoveSupport(c.from, c.to); got != c.ok {
			t.Errorf("%s → %s: %v, want %v", c.from, c.to, got, c.ok)
		}
	}
}

// The holder's form refuses what is missing or unknown, field by field.
func TestSupportInputValidation(t *testing.T) {
	good := SupportInput{Project: " Ressourcerie ", Description: "Réparer et revendre les objets du quartier.",
		Stage: StageIdea, Needs: []SupportNeed{"funding"}}
	if err := good.Validate(); err != nil || good.Project != "Ressourcerie" {
		t.Fatalf("a good form: %v %q", err, good.Project)
	}
	for field, bad := range map[string]func(*SupportInput){
		"project":     func(in *SupportInput) { in.Project = " " },
		"description": func(in *SupportInput) { in.Description = "Trop court" },
		"stage":       func(in *SupportInput) { in.Stage = "launch" },
		"needs":       func(in *SupportInput) { in.Needs = []SupportNeed{"funding", "yacht"} },
	} {
		in := good
		bad(&in)
		var e *Error
		if err := in.Validate(); err == nil || !errors.As(err, &e) || e.Field != field {
			t.Errorf("%s: %v", field, err)
		}
	}
}
