package domain

import "time"

// ApplicationStatus is where a youth's application stands.
type ApplicationStatus string

const (
	ApplicationSent      ApplicationStatus = "sent"
	ApplicationSeen      ApplicationStatus = "seen"
	ApplicationInterview ApplicationStatus = "interview"
	ApplicationAccepted  ApplicationStatus = "accepted"
	ApplicationDeclined  ApplicationStatus = "declined"
	ApplicationWithdrawn ApplicationStatus = "withdrawn"
	ApplicationExpired   ApplicationStatus = "expired"
)

// applicationMoves is the employer's pipeline; the youth may withdraw until a
// decision, and an application left unanswered expires.
var applicationMoves = transitions[ApplicationStatus]{
	ApplicationSent:      {ApplicationSeen, ApplicationInterview, ApplicationAccepted, ApplicationDeclined, ApplicationWithdrawn, ApplicationExpired},
	ApplicationSeen:      {ApplicationInterview, ApplicationAccepted, ApplicationDeclined, ApplicationWithdrawn, ApplicationExpired},
	ApplicationInterview: {ApplicationAccepted, ApplicationDeclined, ApplicationWithdrawn},
}

// CanMove reports whether an application may go from status s to status to.
func (s ApplicationStatus) CanMove(to ApplicationStatus) bool { return applicationMoves.allows(s, to) }

// ApplicationStatusesBefore returns the statuses from which an application may reach to.
func ApplicationStatusesBefore(to ApplicationStatus) []ApplicationStatus {
	return applicationMoves.sources(to)
}

// EmployerMoves are the statuses an employer may set.
var EmployerMoves = []ApplicationStatus{ApplicationSeen, ApplicationInterview, ApplicationAccepted, ApplicationDeclined}

// Application is a youth's application to an offer. Its ID is derived from
// the offer and the youth, so that applying twice is refused by the database.
type Application struct {
	ID             string            `bson:"_id" json:"id"`
	OfferID        string            `bson:"offer_id" json:"offer_id"`
	OfferTitle     string            `bson:"offer_title" json:"offer_title"`
	OrganisationID string            `bson:"organisation_id" json:"organisation_id"`
	YouthID        string            `bson:"youth_id" json:"youth_id"`
	YouthName      string            `bson:"youth_name" json:"youth_name"`
	YouthEmail     string            `bson:"youth_email" json:"-"`
	GuardianEmail  string            `bson:"guardian_email,omitempty" json:"-"` // set for a minor, who is informed
	Message        string            `bson:"message" json:"message"`
	CVFileID       string            `bson:"cv_file_id,omitempty" json:"cv_file_id,omitempty"`
	Status         ApplicationStatus `bson:"status" json:"status"`
	ExpiresAt      time.Time         `bson:"expires_at" json:"expires_at"`
	Extended       bool              `bson:"extended" json:"extended"`
	CreatedAt      time.Time         `bson:"created_at" json:"created_at"`
	UpdatedAt      time.Time         `bson:"updated_at" json:"updated_at"`
}

// ApplicationID is the id of a youth's application to an offer.
func ApplicationID(offerID, youthID string) string { return offerID + "~" + youthID }

// ErasedYouthName stands for the youth on the applications of a deleted
// account.
const ErasedYouthName = "Candidat·e supprimé·e"

// OpenToMessages reports whether the parties may still write about a: its
// status allows it and its youth has not deleted their account (nobody
// would read the answer, and it would be kept with no one to erase it).
func (a *Application) OpenToMessages() bool {
	return a.Status.OpenToMessages() && a.YouthName != ErasedYouthName
}

// IDsOfApplications returns the ids of apps, in order.
func IDsOfApplications(apps []Application) []string {
	ids := make([]string, len(apps))
	for i, a := range apps {
		ids[i] = a.ID
	}
	return ids
}
