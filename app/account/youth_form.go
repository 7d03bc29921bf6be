package account

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// Situations and Levels a youth chooses from, as stable keys (labels in the
// catalog under youth.situation.* and youth.level.*).
var (
	Situations = []string{"college", "lycee", "apprentice", "student", "job_seeker", "employed", "other"}
	Levels     = []string{"4e", "3e", "2nde", "1re", "terminale", "cap", "bac", "bac+2", "bac+3", "bac+5", "none"}
)

// Interests are the tension families and the social and solidarity economy.
func Interests() []string {
	keys := []string{}
	for _, f := range refdata.TensionFamilies() {
		keys = append(keys, f.Key)
	}
	return append(keys, "ess")
}

// MaxMobilityKm bounds how far a youth says they may travel.
const MaxMobilityKm = 100

// ParseYouthProfile decodes and checks the profile form of user id on day
// now. Every field error names its field.
func ParseYouthProfile(form url.Values, id string, now time.Time) (domain.Youth, error) {
	y := domain.Youth{ID: id, FirstName: strings.TrimSpace(form.Get("first_name")), CommuneCode: form.Get("commune"),
		Situation: form.Get("situation"), Level: form.Get("level"), Interests: pick(form["interests"], Interests()),
		VisibleToEmployers: form.Get("visible") == "1", Languages: languages(form.Get("languages")),
		StructureID: form.Get("structure_id"), ShareApplications: form.Get("share_applications") == "1"}
	for _, t := range form["wanted_types"] {
		if slices.Contains(domain.OfferTypes, domain.OfferType(t)) && !slices.Contains(y.WantedTypes, domain.OfferType(t)) {
			y.WantedTypes = append(y.WantedTypes, domain.OfferType(t))
		}
	}
	for _, check := range []func(*domain.Youth, url.Values, time.Time) error{checkIdentity, checkSchooling, checkMobility, checkGuardian} {
		if err := check(&y, form, now); err != nil {
			return y, err
		}
	}
	return y, nil
}

func checkIdentity(y *domain.Youth, form url.Values, now time.Time) error {
	if y.FirstName == "" || utf8.RuneCountInString(y.FirstName) > 60 {
		return domain.FieldError("first_name", "error.youth.first_name")
	}
	birth, err := time.Parse(time.DateOnly, form.Get("birth_date"))
	if err != nil {
		return domain.FieldError("birth_date", "error.youth.birth_date")
	}
	y.BirthDate = birth
	if age := y.Age(now); age < domain.MinYouthAge || age > domain.MaxYouthAge {
		return domain.FieldError("birth_date", "error.youth.age")
	}
	if _, ok := refdata.CommuneByCode(y.CommuneCode); y.CommuneCode != "" && !ok {
		return domain.FieldError("commune", "error.youth.commune")
	}
	return nil
}

func checkSchooling(y *domain.Youth, _ url.Values, _ time.Time) error {
	if !slices.Contains(Situations, y.Situation) {
		return domain.FieldError("situation", "error.youth.situation")
	}
	if !slices.Contains(Levels, y.Level) {
		return domain.FieldError("level", "error.youth.level")
	}
	return nil
}

func checkMobility(y *domain.Youth, form url.Values, _ time.Time) error {
	km, err := strconv.Atoi(strings.TrimSpace(form.Get("mobility_km")))
	if err != nil || km < 0 || km > MaxMobilityKm {
		return domain.FieldError("mobility_km", "error.youth.mobility")
	}
	y.MobilityKm = km
	return nil
}

// checkGuardian requires a guardian's address under 18: under 15 it receives
// the consent link, from 15 to 17 it is informed of applications.
func checkGuardian(y *domain.Youth, form url.Values, now time.Time) error {
	if y.Age(now) >= domain.AdultAge {
		return nil
	}
	email, err := NormaliseEmail(form.Get("guardian_email"))
	if err != nil {
		return domain.FieldError("guardian_email", "error.youth.guardian_email")
	}
	y.GuardianEmail = email
	return nil
}

func pick(chosen, allowed []string) []string {
	kept := []string{}
	for _, c := range chosen {
		if slices.Contains(allowed, c) && !slices.Contains(kept, c) {
			kept = append(kept, c)
		}
	}
	return kept
}

// languages splits "anglais, arabe" into at most 10 short entries.
func languages(s string) []string {
	var out []string
	for _, l := range strings.Split(s, ",") {
		if l = strings.TrimSpace(l); l != "" && utf8.RuneCountInString(l) <= 40 && len(out) < 10 {
			out = append(out, l)
		}
	}
	return out
}
