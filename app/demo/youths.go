package demo

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// youthsPerAge is how many youths of each age from 14 to 25 the demo has.
const youthsPerAge = 10

func (g *generator) youths() {
	for age := domain.MinYouthAge; age <= domain.MaxYouthAge; age++ {
		for range youthsPerAge * g.scale {
			g.youth(age)
		}
	}
}

func (g *generator) youth(age int) {
	first, last := pick(g, firstNames), pick(g, lastNames)
	n := g.next["user"] + 1
	u := g.user(fmt.Sprintf("%s.%s.%d@%s", slug(first), slug(last), n, EmailDomain), first+" "+last, domain.RoleYouth)
	if g.chance(0.9) {
		verified := u.CreatedAt.AddDate(0, 0, 1)
		u.EmailVerifiedAt = &verified
	}
	g.data.Users = append(g.data.Users, u)
	c := g.commune()
	y := g.youthProfile(u, first, age, c)
	s := pick(g, schoolingAt(age))
	y.Situation, y.Level = s.situation, s.level
	y.StructureID = g.followedBy(y.Situation, c)
	y.Interests = g.interests()
	y.WantedTypes = g.wantedTypes(age)
	g.data.Youths = append(g.data.Youths, y)
}

// youthProfile returns the profile of a youth born age years (and a few
// months) ago; minors have a guardian, and some under 15 their consent.
func (g *generator) youthProfile(u domain.User, first string, age int, c refdata.Commune) domain.Youth {
	y := domain.Youth{
		ID: u.ID, FirstName: first, BirthDate: g.today.AddDate(-age, 0, -g.between(1, 360)),
		CommuneCode: c.Code, MobilityKm: g.mobility(age), VisibleToEmployers: age >= 15 && g.chance(0.6),
	}
	if age < 18 {
		y.GuardianEmail = fmt.Sprintf("famille.%s@%s", strings.TrimSuffix(u.Email, "@"+EmailDomain), EmailDomain)
	}
	if age < 15 && g.chance(0.6) {
		consent := g.daysAgo(g.between(1, 20))
		y.GuardianConsentAt = &consent
		y.VisibleToEmployers = g.chance(0.5)
	}
	if g.chance(0.3) {
		y.Languages = []string{pick(g, []string{"anglais", "espagnol", "arabe", "portugais", "wolof", "tamoul"})}
	}
	return y
}

// mobility is how far a youth will travel: the younger, the closer.
func (g *generator) mobility(age int) int {
	if age < 16 {
		return g.between(2, 8)
	}
	return g.between(5, 25)
}

// interests picks one to three sectors, sometimes with the ESS, and keeps
// those the profile form offers (the métiers en tension families and the
// ESS): a youth cannot choose the others, and no page has a name for them.
// Every sector is still picked, so that the rest of the generated data
// stays as it was.
func (g *generator) interests() []string {
	var keys []string
	for n := g.between(1, 3); len(keys) < n; {
		if key := pick(g, sectors).key; !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	if g.chance(0.2) {
		keys = append(keys, interestESS)
	}
	return slices.DeleteFunc(keys, func(key string) bool { return !offeredInterest(key) })
}

// offeredInterest says whether the profile form offers interest key.
func offeredInterest(key string) bool {
	return key == interestESS || slices.ContainsFunc(refdata.TensionFamilies(), func(f refdata.Family) bool { return f.Key == key })
}

// interestESS is the interest in discovering the social and solidarity economy.
const interestESS = "ess"

// slug turns a name into the ASCII letters of an e-mail address.
func slug(name string) string {
	return strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			return r
		}
		return -1
	}, refdata.Fold(name))
}
