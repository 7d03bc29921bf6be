package demo

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

func TestOffersArePlacedAndCodedWithReferenceData(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, _ time.Time) {
		for _, o := range d.Offers {
			c, ok := refdata.CommuneByCode(o.CommuneCode)
			if !ok || refdata.DistanceKm(c.Lat, c.Lng, o.Lat, o.Lng) > 1.5 {
				t.Errorf("offer %s: commune %q, at %f,%f", o.ID, o.CommuneCode, o.Lat, o.Lng)
			}
			if len(o.ROMECodes) == 0 {
				t.Errorf("offer %s has no ROME code", o.ID)
			}
			for _, code := range o.ROMECodes {
				if _, ok := refdata.JobByCode(code); !ok {
					t.Errorf("offer %s: unknown ROME code %s", o.ID, code)
				}
			}
			family, _ := refdata.TensionFamily(o.ROMECodes[0])
			subdomain, _ := refdata.Subdomain(o.ROMECodes[0])
			if o.TensionFamily != family || o.Subdomain != subdomain {
				t.Errorf("offer %s (%s): family %q, sub-domain %q", o.ID, o.ROMECodes[0], o.TensionFamily, o.Subdomain)
			}
		}
	})
}

// ageRanges is what each offer type may ask, by the programme's rules.
var ageRanges = map[domain.OfferType]struct{ minLo, minHi, maxLo, maxHi int }{
	domain.OfferInternship3e:        {14, 14, 15, 15},
	domain.OfferInternship2nde:      {15, 15, 16, 16},
	domain.OfferApprenticeship:      {15, 16, 25, 25},
	domain.OfferProfessionalisation: {16, 16, 25, 25},
	domain.OfferInternship:          {16, 18, 25, 25},
	domain.OfferJob:                 {16, 18, 25, 25},
	domain.OfferVisit:               {14, 14, 18, 25},
	domain.OfferESSDiscovery:        {14, 16, 25, 25},
}

func TestOfferAgesFitTheirType(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, _ time.Time) {
		for _, o := range d.Offers {
			r := ageRanges[o.Type]
			if o.AgeMin < domain.MinYouthAge || o.AgeMax > domain.MaxYouthAge || o.AgeMin > o.AgeMax ||
				o.AgeMin < r.minLo || o.AgeMin > r.minHi || o.AgeMax < r.maxLo || o.AgeMax > r.maxHi {
				t.Errorf("offer %s (%s): ages %d–%d", o.ID, o.Type, o.AgeMin, o.AgeMax)
			}
		}
	})
}

func TestEveryTypeAndFamilyIsOffered(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, _ time.Time) {
		types, families, statuses := map[domain.OfferType]int{}, map[string]int{}, map[domain.OfferStatus]int{}
		for _, o := range d.Offers {
			types[o.Type]++
			families[o.TensionFamily]++
			statuses[o.Status]++
			if o.Type == domain.OfferESSDiscovery && !o.ESS {
				t.Errorf("offer %s: ESS discovery at a non-ESS employer", o.ID)
			}
		}
		for _, offerType := range domain.OfferTypes {
			if types[offerType] == 0 {
				t.Errorf("no %s offer", offerType)
			}
		}
		for _, f := range refdata.TensionFamilies() {
			if families[f.Key] < 10 {
				t.Errorf("%d offers in family %s", families[f.Key], f.Key)
			}
		}
		if families[""] < 30 {
			t.Errorf("%d offers outside the métiers en tension", families[""])
		}
		if statuses[domain.OfferPublished] < len(d.Offers)*3/4 || statuses[domain.OfferPending] == 0 ||
			statuses[domain.OfferDraft] == 0 || statuses[domain.OfferClosed] == 0 {
			t.Errorf("statuses %v: want most published and a few pending, draft and closed", statuses)
		}
	})
}

func TestOffersAreDatedAhead(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, today time.Time) {
		for _, o := range d.Offers {
			if !o.StartDate.After(today) || o.EndDate.Before(o.StartDate) || o.StartDate.After(today.AddDate(1, 0, 0)) {
				t.Errorf("offer %s (%s): from %v to %v", o.ID, o.Type, o.StartDate, o.EndDate)
			}
			if !o.CreatedAt.Before(today) || (o.PublishedAt == nil) != (o.Status != domain.OfferPublished && o.Status != domain.OfferClosed) {
				t.Errorf("offer %s (%s): created %v, published %v", o.ID, o.Status, o.CreatedAt, o.PublishedAt)
			}
			if o.PublishedAt != nil && (o.PublishedAt.Before(o.CreatedAt) || !o.PublishedAt.Before(today)) {
				t.Errorf("offer %s: published %v, created %v", o.ID, o.PublishedAt, o.CreatedAt)
			}
			if o.Places < 1 || (o.Status == domain.OfferRejected) == (o.RejectReason == "") {
				t.Errorf("offer %s: %d places, status %s, reason %q", o.ID, o.Places, o.Status, o.RejectReason)
			}
		}
	})
}

// unelided finds "de" before a vowel, which French elides.
var unelided = regexp.MustCompile(`(^|[\s(])de [aeiouyéèêâîôAEIOUYÉ]`)

func TestOfferTextsReadWell(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, _ time.Time) {
		for _, o := range d.Offers {
			text := o.Title + "\n" + o.Description
			if len(o.Title) < 15 || len(o.Description) < 200 || strings.Contains(strings.ToLower(text), "lorem") {
				t.Errorf("offer %s: title %q, description of %d bytes", o.ID, o.Title, len(o.Description))
			}
			if m := unelided.FindString(text); m != "" {
				t.Errorf("offer %s: %q should be elided in %q", o.ID, m, text)
			}
			if strings.Contains(text, "  ") || strings.Contains(text, "%!") {
				t.Errorf("offer %s: malformed text %q", o.ID, text)
			}
		}
	})
}
