package demo

import (
	"testing"
	"time"

	"passerelle/app/domain"
)

func TestOneAccountPerRole(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, _ time.Time) {
		orgs, users := ids(t, d.Organisations), ids(t, d.Users)
		for i, role := range domain.Roles {
			a := d.Accounts[i]
			if len(a.Roles) != 1 || a.Roles[0] != role || users[a.ID] == nil || a.EmailVerifiedAt == nil {
				t.Errorf("account %d: %+v, want the %s account, verified, among the users", i, a, role)
			}
		}
		want := map[domain.Role]func(domain.Organisation) bool{
			domain.RoleCounsellor: func(o domain.Organisation) bool { return o.Kind == domain.KindSchool && o.Priority != "" },
			domain.RoleEmployer:   func(o domain.Organisation) bool { return o.Kind == domain.KindCompany && o.Verified },
			domain.RoleApplicant:  func(o domain.Organisation) bool { return o.Kind.IsESS() && o.RNA != "" },
			domain.RoleAdviser:    func(o domain.Organisation) bool { return o.Kind == domain.KindSupport && o.Verified },
		}
		for _, a := range d.Accounts {
			fits, needsOrg := want[a.Roles[0]]
			if needsOrg != (len(a.OrganisationIDs) == 1) || (needsOrg && !fits(*orgs[a.OrganisationIDs[0]])) {
				t.Errorf("%s account: organisations %v", a.Roles[0], a.OrganisationIDs)
			}
		}
	})
}

func TestTheEmployerAccountHasSomethingToShow(t *testing.T) {
	d := Generate(testDays[0])
	employer := d.Accounts[2].OrganisationIDs[0]
	types := map[domain.OfferType]bool{}
	for _, o := range d.Offers {
		if o.OrganisationID == employer {
			types[o.Type] = true
		}
	}
	for _, want := range []domain.OfferType{domain.OfferVisit, domain.OfferApprenticeship, domain.OfferInternship3e} {
		if !types[want] {
			t.Errorf("the employer account's organisation has no %s offer (has %v)", want, types)
		}
	}
	youth := d.Youths[0]
	if youth.ID != d.Accounts[0].ID || youth.StructureID == "" {
		t.Errorf("the youth account's profile: %+v", youth)
	}
}
