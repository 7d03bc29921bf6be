package domain

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// KindSupport is a partner structure that accompanies ESS project holders:
// an incubator, a local support network, a cooperative of activities.
const KindSupport OrganisationKind = "support"

// SupportStage is how far a project has come.
type SupportStage string

const (
	StageIdea        SupportStage = "idea"        // an idea to test
	StageCreation    SupportStage = "creation"    // the structure is being set up
	StageDevelopment SupportStage = "development" // an activity that grows or changes
)

// SupportStages are the stages, in the order of a project's life.
var SupportStages = []SupportStage{StageIdea, StageCreation, StageDevelopment}

// SupportNeed is what a holder wants help with.
type SupportNeed string

// SupportNeeds are the needs a holder may tick.
var SupportNeeds = []SupportNeed{"business_model", "funding", "legal_form", "hiring", "premises", "impact", "partners"}

// SupportStatus is where a request stands.
type SupportStatus string

const (
	SupportNew        SupportStatus = "new"         // waiting for staff to choose a structure
	SupportAssigned   SupportStatus = "assigned"    // a structure has it, not yet met
	SupportInProgress SupportStatus = "in_progress" // the structure accompanies the project
	SupportClosed     SupportStatus = "closed"      // the accompaniment ended
)

// SupportStatuses are the statuses, in order.
var SupportStatuses = []SupportStatus{SupportNew, SupportAssigned, SupportInProgress, SupportClosed}

// supportMoves are the moves a structure makes on its requests; staff's
// assignment moves a new request (or a reassigned one) to assigned.
var supportMoves = transitions[SupportStatus]{
	SupportAssigned:   {SupportInProgress, SupportClosed},
	SupportInProgress: {SupportClosed},
	SupportClosed:     {SupportInProgress}, // reopened when the holder comes back
}

// CanMoveSupport reports whether a structure may move a request from one
// status to another.
func CanMoveSupport(from, to SupportStatus) bool { return from == to || supportMoves.allows(from, to) }

// SupportNote is a line of a request's follow-up: a message between the
// holder and the structure, or a note the structure keeps for itself.
type SupportNote struct {
	AuthorID   string    `bson:"author_id" json:"-"`
	AuthorName string    `bson:"author_name" json:"author_name"`
	At         time.Time `bson:"at" json:"at"`
	Text       string    `bson:"text" json:"text"`
	Internal   bool      `bson:"internal" json:"internal"` // seen by the structure and staff only
}

// SupportRequest is an ESS project holder's request for accompaniment.
type SupportRequest struct {
	ID          string        `bson:"_id" json:"id"`
	HolderID    string        `bson:"holder_id" json:"-"`
	HolderName  string        `bson:"holder_name" json:"holder_name"`
	HolderEmail string        `bson:"holder_email" json:"-"`
	Project     string        `bson:"project" json:"project"`
	Description string        `bson:"description" json:"description"`
	Stage       SupportStage  `bson:"stage" json:"stage"`
	Needs       []SupportNeed `bson:"needs" json:"needs"`
	CommuneCode string        `bson:"commune_code" json:"commune_code"`
	// GrantID is the PROGR'ESS file the request follows, when its decision
	// email offered the accompaniment.
	GrantID       string        `bson:"grant_id,omitempty" json:"-"`
	Status        SupportStatus `bson:"status" json:"status"`
	StructureID   string        `bson:"structure_id,omitempty" json:"-"`
	StructureName string        `bson:"structure_name,omitempty" json:"structure_name,omitempty"`
	NextMeeting   *time.Time    `bson:"next_meeting,omitempty" json:"next_meeting,omitempty"`
	Notes         []SupportNote `bson:"notes" json:"notes"`
	CreatedAt     time.Time     `bson:"created_at" json:"created_at"`
	UpdatedAt     time.Time     `bson:"updated_at" json:"updated_at"`
}

// SupportInput is the holder's form.
type SupportInput struct {
	Project, Description, CommuneCode, GrantID string
	Stage                                      SupportStage
	Needs                                      []SupportNeed
}

// Validate checks the form; the commune is checked against the
// département's list by the caller, who knows it.
func (in *SupportInput) Validate() error {
	in.Project, in.Description = strings.TrimSpace(in.Project), strings.TrimSpace(in.Description)
	switch {
	case in.Project == "" || utf8.RuneCountInString(in.Project) > OfferTitleMax:
		return FieldError("project", "error.support.project")
	case utf8.RuneCountInString(in.Description) < 20:
		return FieldError("description", "error.support.description")
	case !slices.Contains(SupportStages, in.Stage):
		return FieldError("stage", "error.support.stage")
	case len(in.Needs) == 0 || slices.ContainsFunc(in.Needs, func(n SupportNeed) bool { return !slices.Contains(SupportNeeds, n) }):
		return FieldError("needs", "error.support.needs")
	}
	return nil
}

// SupportNoteMax bounds a message or a note.
const SupportNoteMax = 2000

// CheckSupportNote checks the text of a message or a note.
func CheckSupportNote(text string) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" || utf8.RuneCountInString(text) > SupportNoteMax {
		return "", FieldError("message", "error.support.message")
	}
	return text, nil
}
