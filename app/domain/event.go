package domain

import (
	"slices"
	"time"
)

// EventKind is what an event is: the strategy's « échanger » and « former »
// axes meet here.
type EventKind string

// The kinds of events; workshops are also the accompaniment's sessions.
const (
	EventForum        EventKind = "forum"         // forum des métiers
	EventJobDating    EventKind = "job_dating"    // job dating
	EventESSMeetup    EventKind = "ess_meetup"    // rencontre ESS
	EventProgressInfo EventKind = "progress_info" // réunion d'information PROGR'ESS
	EventWorkshop     EventKind = "workshop"      // atelier
)

// EventKinds lists the kinds in the order of forms and filters.
var EventKinds = []EventKind{EventForum, EventJobDating, EventESSMeetup, EventProgressInfo, EventWorkshop}

// Valid reports whether k is a known kind.
func (k EventKind) Valid() bool { return slices.Contains(EventKinds, k) }

// HasStands reports whether employers hold stands at events of this kind.
func (k EventKind) HasStands() bool { return k == EventForum || k == EventJobDating }

// EventAudience is a public an event welcomes.
type EventAudience string

// The publics of events.
const (
	AudienceYouths       EventAudience = "youths"
	AudienceSchools      EventAudience = "schools" // schools and youth structures, with their groups
	AudienceAssociations EventAudience = "associations"
	AudienceEmployers    EventAudience = "employers"
)

// EventAudiences lists the publics in the order of forms and filters.
var EventAudiences = []EventAudience{AudienceYouths, AudienceSchools, AudienceAssociations, AudienceEmployers}

// Valid reports whether a is a known public.
func (a EventAudience) Valid() bool { return slices.Contains(EventAudiences, a) }

// EventStatus is where an event stands.
type EventStatus string

// An event is published when created; its organiser may cancel it.
const (
	EventPublished EventStatus = "published"
	EventCancelled EventStatus = "cancelled"
)

// Event is a dated meeting in the Hauts-de-Seine or online. Its places, and
// its stands when employers hold some, are counters taken by one conditional
// update each, with the holds listed as on a visit session, so that taking
// and giving back are idempotent.
type Event struct {
	ID          string          `bson:"_id" json:"id"`
	Kind        EventKind       `bson:"kind" json:"kind"`
	Title       string          `bson:"title" json:"title"`
	Description string          `bson:"description" json:"description"`
	Audiences   []EventAudience `bson:"audiences" json:"audiences"`
	// The organiser: an organisation, or the Département (staff) when empty.
	OrganisationID   string      `bson:"organisation_id,omitempty" json:"organisation_id,omitempty"`
	OrganisationName string      `bson:"organisation_name,omitempty" json:"organisation_name,omitempty"`
	CreatedBy        string      `bson:"created_by" json:"-"`
	Online           bool        `bson:"online" json:"online"`
	CommuneCode      string      `bson:"commune_code,omitempty" json:"commune_code,omitempty"`
	Address          string      `bson:"address,omitempty" json:"address,omitempty"`
	Link             string      `bson:"link,omitempty" json:"link,omitempty"`
	StartsAt         time.Time   `bson:"starts_at" json:"starts_at"`
	EndsAt           time.Time   `bson:"ends_at" json:"ends_at"`
	Capacity         int         `bson:"capacity" json:"capacity"`
	SeatsLeft        int         `bson:"seats_left" json:"seats_left"`
	Stands           int         `bson:"stands" json:"stands"`
	StandsLeft       int         `bson:"stands_left" json:"stands_left"`
	Status           EventStatus `bson:"status" json:"status"`
	// Holders lists the holds (SeatHold keys) that took places or stands;
	// HeldAt dates them by HoldRef.
	Holders   []string             `bson:"holders" json:"-"`
	HeldAt    map[string]time.Time `bson:"held_at,omitempty" json:"-"`
	CreatedAt time.Time            `bson:"created_at" json:"created_at"`
}

// For reports whether the event welcomes public a.
func (e *Event) For(a EventAudience) bool { return slices.Contains(e.Audiences, a) }

// Upcoming reports whether the event has not ended at now.
func (e *Event) Upcoming(now time.Time) bool { return e.EndsAt.After(now) }

// Pool names a counter of an event's places.
type Pool string

// The pools of an event: places for people, stands for employers.
const (
	PoolSeats  Pool = "seats"
	PoolStands Pool = "stands"
)

// RegistrationKind is who registers and for whom.
type RegistrationKind string

// The kinds of registration.
const (
	RegisterYouth  RegistrationKind = "youth"  // a youth alone, from 15
	RegisterGroup  RegistrationKind = "group"  // a counsellor for a group
	RegisterStand  RegistrationKind = "stand"  // an employer for a stand
	RegisterPerson RegistrationKind = "person" // someone of an association or a company, with colleagues
)

// Pool is the counter the kind takes from.
func (k RegistrationKind) Pool() Pool {
	if k == RegisterStand {
		return PoolStands
	}
	return PoolSeats
}

// RegistrationStatus is where a registration stands.
type RegistrationStatus string

// A registration is confirmed, or waits for a place; it may be cancelled
// before the event; after it the organiser records attendance.
const (
	RegistrationConfirmed  RegistrationStatus = "confirmed"
	RegistrationWaitlisted RegistrationStatus = "waitlisted"
	RegistrationCancelled  RegistrationStatus = "cancelled"
	RegistrationAttended   RegistrationStatus = "attended"
	RegistrationNoShow     RegistrationStatus = "no_show"
)

// Active reports whether the registration still counts (holds or waits).
func (s RegistrationStatus) Active() bool {
	return s == RegistrationConfirmed || s == RegistrationWaitlisted
}

// EventRegistration is one registration to an event.
type EventRegistration struct {
	ID      string           `bson:"_id" json:"id"`
	EventID string           `bson:"event_id" json:"event_id"`
	Kind    RegistrationKind `bson:"kind" json:"kind"`
	UserID  string           `bson:"user_id" json:"-"`
	Name    string           `bson:"name" json:"name"`
	Email   string           `bson:"email" json:"-"`
	// The school, structure, company or association registering, if any.
	OrganisationID   string             `bson:"organisation_id,omitempty" json:"organisation_id,omitempty"`
	OrganisationName string             `bson:"organisation_name,omitempty" json:"organisation_name,omitempty"`
	GroupName        string             `bson:"group_name,omitempty" json:"group_name,omitempty"`
	Places           int                `bson:"places" json:"places"` // people, or 1 stand
	GuardianEmail    string             `bson:"guardian_email,omitempty" json:"-"`
	RequestKey       string             `bson:"request_key,omitempty" json:"-"`
	Status           RegistrationStatus `bson:"status" json:"status"`
	CreatedAt        time.Time          `bson:"created_at" json:"created_at"`
	UpdatedAt        time.Time          `bson:"updated_at" json:"updated_at"`
}

// Hold is what the registration holds on its event's pool.
func (r *EventRegistration) Hold() SeatHold {
	return SeatHold{BookingID: r.ID, Seats: r.Places, At: r.UpdatedAt}
}

// EventFilter picks events for the public list and the spaces.
type EventFilter struct {
	Kind           EventKind
	CommuneCode    string
	Audience       EventAudience
	EndsAfter      time.Time // upcoming: not ended at this instant
	OrganisationID string
	CreatedBy      string
	IDs            []string
	Published      bool // only published events
}

// EventReminder gathers, for one event, who must be reminded of it.
type EventReminder struct {
	Event         Event
	Registrations []EventRegistration // confirmed ones
}

// RegistrationFilter picks registrations: of these events, of this person,
// of these organisations (nil: any).
type RegistrationFilter struct {
	EventIDs        []string
	UserID          string
	OrganisationIDs []string
}
