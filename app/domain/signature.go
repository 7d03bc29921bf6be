package domain

import "time"

// SignatureKind is a kind of document signed on the platform; each has its
// rules (who signs, in which order, by when) in the signature service.
type SignatureKind string

// The documents signed online.
const (
	SignGrantAgreement      SignatureKind = "grant_agreement"
	SignOutingAuthorisation SignatureKind = "outing_authorisation"
	SignInternshipAgreement SignatureKind = "internship_agreement"
)

// SignatureKinds lists the kinds in the order of the staff overview's filter.
var SignatureKinds = []SignatureKind{SignGrantAgreement, SignOutingAuthorisation, SignInternshipAgreement}

// SignatureState is where a signature request stands: open while parties
// sign; completed once all have; expired past its deadline; voided when
// the document's data changed (a new request replaces it).
type SignatureState string

// The states of a signature request; only open moves.
const (
	SignatureOpen      SignatureState = "open"
	SignatureCompleted SignatureState = "completed"
	SignatureExpired   SignatureState = "expired"
	SignatureVoided    SignatureState = "voided"
)

// SignatureStates lists the states in the order of the overview's filter.
var SignatureStates = []SignatureState{SignatureOpen, SignatureCompleted, SignatureExpired, SignatureVoided}

// Signature events, in a request's own trail (printed on the final PDF)
// and, prefixed "signature.", in the platform's audit log.
const (
	SignEventCreated   = "created"
	SignEventInvited   = "invited"
	SignEventReminded  = "reminded"
	SignEventCodeSent  = "code_sent"
	SignEventCodeTried = "code_tried"
	SignEventCodeWrong = "code_wrong"
	SignEventSigned    = "signed"
	SignEventCompleted = "completed"
	SignEventExpired   = "expired"
	SignEventVoided    = "voided"
	SignEventTampered  = "tampered"
)

// DocumentSection is a heading and its lines in a generated document: rows
// of a label and a value, then paragraphs.
type DocumentSection struct {
	Heading    string        `bson:"heading"`
	Rows       []DocumentRow `bson:"rows,omitempty"`
	Paragraphs []string      `bson:"paragraphs,omitempty"`
}

// DocumentRow is a label and its value (a struct: the embedded database
// stores no nested arrays).
type DocumentRow struct {
	Label string `bson:"label"`
	Value string `bson:"value"`
}

// SignatureParty is one person who signs, in turn Order (parties of one
// order may sign in any order between them, after every lower order).
// Their link and one-time code are kept only as hashes.
type SignatureParty struct {
	Role   string `bson:"role"` // a catalog key's last part: legal_representative, department, guardian…
	Name   string `bson:"name"`
	Email  string `bson:"email"`
	Locale string `bson:"locale,omitempty"`
	Order  int    `bson:"order"`

	TokenHash string     `bson:"token_hash,omitempty"`
	InvitedAt *time.Time `bson:"invited_at,omitempty"`
	Reminders int        `bson:"reminders"`

	CodeHash      string     `bson:"code_hash,omitempty"`
	CodeExpiresAt *time.Time `bson:"code_expires_at,omitempty"`
	CodesSent     int        `bson:"codes_sent"`
	CodeAttempts  int        `bson:"code_attempts"`

	SignedAt   *time.Time `bson:"signed_at,omitempty"`
	SignedName string     `bson:"signed_name,omitempty"`
	IP         string     `bson:"ip,omitempty"`
	UserAgent  string     `bson:"user_agent,omitempty"`
}

// SignatureEvent is one step of a request's trail, with the document's hash
// at that moment.
type SignatureEvent struct {
	At        time.Time `bson:"at"`
	Kind      string    `bson:"kind"`
	Party     int       `bson:"party"` // -1: the request itself
	Hash      string    `bson:"hash"`
	IP        string    `bson:"ip,omitempty"`
	UserAgent string    `bson:"user_agent,omitempty"`
}

// SignatureRequest is a generated document and its signatures. The PDF is
// stored as a file; Hash is its SHA-256, fixed before the first party is
// invited, and checked again at each signature.
type SignatureRequest struct {
	ID        string        `bson:"_id"`
	Kind      SignatureKind `bson:"kind"`
	SubjectID string        `bson:"subject_id"` // the award, pupil of a booking or application it is about
	// GroupID gathers the requests of one occasion: the outing
	// authorisations of one booking, one per pupil.
	GroupID  string            `bson:"group_id,omitempty"`
	Title    string            `bson:"title"`
	Summary  string            `bson:"summary"` // one line of the emails and lists: what, for whom, how much
	Sections []DocumentSection `bson:"sections"`
	FileID   string            `bson:"file_id"`
	Hash     string            `bson:"hash"`
	State    SignatureState    `bson:"state"`
	Parties  []SignatureParty  `bson:"parties"`
	Events   []SignatureEvent  `bson:"events"`
	Emails   []string          `bson:"emails"` // the parties' addresses, for their lists
	Deadline time.Time         `bson:"deadline"`
	// PurgeAfter is when the retention job deletes the request (outing
	// authorisations); zero: kept.
	PurgeAfter time.Time  `bson:"purge_after,omitempty"`
	CreatedBy  string     `bson:"created_by,omitempty"`
	CreatedAt  time.Time  `bson:"created_at"`
	ClosedAt   *time.Time `bson:"closed_at,omitempty"`
	ReplacedBy string     `bson:"replaced_by,omitempty"`
	// SettledAt is when what the last signature sets off was done: the
	// subject's own state (a grant's « convention signée »), the parties'
	// signed copies. Until then the signatures job does it again.
	SettledAt *time.Time `bson:"settled_at,omitempty"`
}

// Signed reports whether every party has signed.
func (r *SignatureRequest) Signed() bool {
	for _, p := range r.Parties {
		if p.SignedAt == nil {
			return false
		}
	}
	return true
}

// Turn reports whether party i may sign now: every party of a lower order
// has signed.
func (r *SignatureRequest) Turn(i int) bool {
	for _, p := range r.Parties {
		if p.Order < r.Parties[i].Order && p.SignedAt == nil {
			return false
		}
	}
	return true
}

// Before lists the parties that must sign before party i.
func (r *SignatureRequest) Before(i int) []int {
	var before []int
	for j, p := range r.Parties {
		if p.Order < r.Parties[i].Order {
			before = append(before, j)
		}
	}
	return before
}

// PartyOf returns the index of the party with this address, -1 if none.
func (r *SignatureRequest) PartyOf(email string) int {
	for i, p := range r.Parties {
		if email != "" && p.Email == email {
			return i
		}
	}
	return -1
}

// SignatureFilter narrows the staff overview; empty fields match all.
type SignatureFilter struct {
	Kind  SignatureKind
	State SignatureState
}

// SignatureChange is one conditional update of a request, made of guards
// (the request is still in state From, its hash is Hash, the party has not
// signed, the parties before it have…) and changes: the update applies only
// while every guard holds, which is what keeps two parties signing at the
// same instant, a second click or a racing job from overwriting each other.
type SignatureChange struct {
	ID   string
	From SignatureState
	Hash string // when set, the request's hash must still be this one
	// Party is the party guarded and changed, -1 for none.
	Party    int
	Unsigned bool           // the party has not signed
	Signed   []int          // these parties have signed
	Below    map[string]int // these counters of the party are below the values
	Equal    map[string]any // these fields of the party have the values
	Set      map[string]any // fields of the party set
	Inc      map[string]int // counters of the party incremented
	To       SignatureState // the new state, when it moves
	At       time.Time      // when it moves: closed_at
	Event    SignatureEvent
}
