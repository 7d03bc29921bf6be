package domain

import "time"

// GrantApplication is an organisation's file for a PROGR'ESS call.
type GrantApplication struct {
	ID             string       `bson:"_id" json:"id"`
	CallID         string       `bson:"call_id" json:"call_id"`
	OrganisationID string       `bson:"organisation_id" json:"organisation_id"`
	CreatedBy      string       `bson:"created_by" json:"created_by"`
	EditorIDs      []string     `bson:"editor_ids" json:"editor_ids"` // co-editors, same organisation
	State          GrantState   `bson:"state" json:"state"`
	Content        GrantContent `bson:"content" json:"content"`
	Attachments    []Attachment `bson:"attachments" json:"attachments"`
	// Version counts submissions: 1 at submission, +1 at each answer to a
	// request for information; each is kept in grant_versions.
	Version     int           `bson:"version" json:"version"`
	Info        *InfoRequest  `bson:"info,omitempty" json:"info,omitempty"`
	Checklist   []CheckItem   `bson:"checklist,omitempty" json:"checklist,omitempty"`
	Score       float64       `bson:"score" json:"score"` // weighted total out of 100, once scored
	History     []StateChange `bson:"history" json:"history"`
	SubmittedAt *time.Time    `bson:"submitted_at,omitempty" json:"submitted_at,omitempty"`
	CreatedAt   time.Time     `bson:"created_at" json:"created_at"`
	UpdatedAt   time.Time     `bson:"updated_at" json:"updated_at"`
}

// GrantContent is what the applicant writes, step by step.
type GrantContent struct {
	Identity Identity   `bson:"identity" json:"identity"`
	Project  Project    `bson:"project" json:"project"`
	Budget   BudgetPlan `bson:"budget" json:"budget"`
}

// Identity is the organisation as the applicant presents it, pre-filled
// from the organisation's record.
type Identity struct {
	Name         string           `bson:"name" json:"name"`
	Kind         OrganisationKind `bson:"kind" json:"kind"`
	RNA          string           `bson:"rna,omitempty" json:"rna,omitempty"`
	SIRET        string           `bson:"siret,omitempty" json:"siret,omitempty"`
	CommuneCode  string           `bson:"commune_code" json:"commune_code"`
	Address      string           `bson:"address" json:"address"`
	ContactName  string           `bson:"contact_name" json:"contact_name"`
	ContactEmail string           `bson:"contact_email" json:"contact_email"`
	ContactPhone string           `bson:"contact_phone" json:"contact_phone"`
}

// Project describes what the grant would fund.
type Project struct {
	Title       string      `bson:"title" json:"title"`
	Summary     string      `bson:"summary" json:"summary"`
	Description string      `bson:"description" json:"description"`
	Publics     []string    `bson:"publics" json:"publics"`
	Communes    []string    `bson:"communes" json:"communes"` // INSEE codes
	Axes        []string    `bson:"axes" json:"axes"`
	StartsOn    string      `bson:"starts_on" json:"starts_on"` // 2006-01-02
	EndsOn      string      `bson:"ends_on" json:"ends_on"`
	Indicators  []Indicator `bson:"indicators" json:"indicators"`
}

// Indicator is a measurable result the project commits to.
type Indicator struct {
	Label  string `bson:"label" json:"label"`
	Target string `bson:"target" json:"target"`
}

// StateChange is one audited transition: who, when, from what, to what, why.
type StateChange struct {
	From    GrantState `bson:"from" json:"from"`
	To      GrantState `bson:"to" json:"to"`
	ActorID string     `bson:"actor_id" json:"actor_id"`
	At      time.Time  `bson:"at" json:"at"`
	Reason  string     `bson:"reason,omitempty" json:"reason,omitempty"`
}

// InfoRequest reopens named points of a file for the applicant until a deadline.
type InfoRequest struct {
	Points   []string  `bson:"points" json:"points"` // content sections: identity, project, budget, attachments
	Message  string    `bson:"message" json:"message"`
	Deadline time.Time `bson:"deadline" json:"deadline"`
}

// EligibilityChecks are the lines of the staff's eligibility checklist,
// each a catalog key's last part.
var EligibilityChecks = []string{"legal_form", "territory", "documents", "budget", "purpose"}

// CheckItem is one line of the eligibility checklist.
type CheckItem struct {
	Key    string `bson:"key" json:"key"`
	OK     bool   `bson:"ok" json:"ok"`
	Reason string `bson:"reason,omitempty" json:"reason,omitempty"`
}

// Sections a request for information may reopen.
var GrantSections = []string{"identity", "project", "budget", "attachments"}

// CanEdit reports whether user may change the file: its creator or a
// co-editor, while the state allows it.
func (g *GrantApplication) CanEdit(userID string) bool {
	return g.State.Editable() && g.IsEditor(userID)
}

// IsEditor reports whether user wrote or co-edits the file.
func (g *GrantApplication) IsEditor(userID string) bool {
	if g.CreatedBy == userID {
		return true
	}
	for _, id := range g.EditorIDs {
		if id == userID {
			return true
		}
	}
	return false
}

// Reopened reports whether a section may be changed now: any section of a
// draft, only the named points of an open request for information.
func (g *GrantApplication) Reopened(section string) bool {
	if g.State == GrantDraft {
		return true
	}
	if g.State != GrantInfoRequested || g.Info == nil {
		return false
	}
	for _, p := range g.Info.Points {
		if p == section {
			return true
		}
	}
	return false
}
