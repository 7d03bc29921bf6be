package demo

import (
	"strings"
	"time"

	"passerelle/app/domain"
)

// schedule returns the dates and places of an offer, in the coming weeks or
// months; a visit's dates and places come from its sessions.
func (g *generator) schedule(t domain.OfferType) (start, end time.Time, places int) {
	switch t {
	case domain.OfferApprenticeship, domain.OfferProfessionalisation:
		start = g.firstOfMonthIn(g.between(1, 9))
		return start, start.AddDate(g.between(1, 2), 0, -1), g.between(1, 2)
	case domain.OfferInternship3e:
		start = g.mondayIn(g.between(2, 20))
		return start, start.AddDate(0, 0, 4), g.between(1, 3)
	case domain.OfferInternship2nde:
		start = g.mondayIn(g.between(4, 28))
		return start, start.AddDate(0, 0, 11), g.between(1, 3)
	case domain.OfferInternship:
		start = g.mondayIn(g.between(2, 20))
		return start, start.AddDate(0, 0, 7*g.between(8, 24)-3), g.between(1, 3)
	case domain.OfferJob:
		start = g.mondayIn(g.between(1, 12))
		return start, start.AddDate(0, 0, 7*g.between(4, 26)-1), g.between(1, 5)
	case domain.OfferESSDiscovery:
		start = g.mondayIn(g.between(1, 12))
		return start, start.AddDate(0, 0, g.between(0, 4)), g.between(4, 12)
	}
	return time.Time{}, time.Time{}, 0
}

// publish sets the offer's moderation status: most are published, a few wait
// for moderation, are drafts, closed or rejected.
func (g *generator) publish(o *domain.Offer) {
	o.CreatedAt = g.daysAgo(g.between(2, 60))
	switch r := g.rng.Float64(); {
	case r < 0.84:
		o.Status = domain.OfferPublished
	case r < 0.91:
		o.Status = domain.OfferPending
	case r < 0.95:
		o.Status = domain.OfferDraft
	case r < 0.98:
		o.Status = domain.OfferClosed
	default:
		o.Status = domain.OfferRejected
		o.RejectReason = pick(g, rejectReasons)
	}
	if o.Status == domain.OfferPublished || o.Status == domain.OfferClosed {
		published := o.CreatedAt.Add(time.Duration(g.between(2, 30)) * time.Hour)
		o.PublishedAt = &published
	}
}

var rejectReasons = []string{
	"La description ne précise ni les horaires ni l'encadrement du jeune.",
	"Les missions décrites ne sont pas adaptées à l'âge du public visé.",
}

// diplomaLevels maps the start of a diploma's name to the level it gives.
var diplomaLevels = []struct{ prefix, level string }{
	{"CAP", "cap"}, {"bac pro", "bac"}, {"BPJEPS", "bac"}, {"BTS", "bac+2"}, {"BUT", "bac+3"},
	{"licence", "bac+3"}, {"diplôme d'État", "bac"}, {"titre professionnel", "cap"},
}

// offerLevel is the class of the pupils an internship is for, or the level
// of the diploma a contract prepares.
func offerLevel(t domain.OfferType, j job) string {
	switch t {
	case domain.OfferInternship3e:
		return "3e"
	case domain.OfferInternship2nde:
		return "2nde"
	case domain.OfferApprenticeship, domain.OfferProfessionalisation, domain.OfferInternship:
		for _, dl := range diplomaLevels {
			if strings.HasPrefix(j.diploma, dl.prefix) {
				return dl.level
			}
		}
	}
	return ""
}
