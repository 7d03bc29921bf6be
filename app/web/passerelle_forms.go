package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// formReader reads typed fields of a submitted form, keeping the first
// field that does not parse as a field error.
type formReader struct {
	form url.Values
	err  error
}

func (r *formReader) fail(name, key string) {
	if r.err == nil {
		r.err = domain.FieldError(name, key)
	}
}

func (r *formReader) int(name string) int {
	v := strings.TrimSpace(r.form.Get(name))
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		r.fail(name, "error.form.number")
	}
	return n
}

// time reads a date (2006-01-02) or a date and time (2006-01-02T15:04) of
// Europe/Paris; empty is the zero time, which the rules refuse where needed.
func (r *formReader) time(name, layout string) time.Time {
	v := strings.TrimSpace(r.form.Get(name))
	if v == "" {
		return time.Time{}
	}
	t, err := time.ParseInLocation(layout, v, domain.Paris)
	if err != nil {
		r.fail(name, "error.form.date")
	}
	return t
}

const (
	dateLayout     = "2006-01-02"
	dateTimeLayout = "2006-01-02T15:04"
)

func offerInputFrom(form url.Values) (passerelle.OfferInput, error) {
	r := &formReader{form: form}
	in := passerelle.OfferInput{Type: domain.OfferType(form.Get("type")), Title: form.Get("title"),
		Description: form.Get("description"), ROMECodes: romeCodesFrom(form.Get("rome_codes")),
		CommuneCode: communeCode(form.Get("commune_code")), Address: form.Get("address"), AgeMin: r.int("age_min"),
		AgeMax: r.int("age_max"), Level: form.Get("level"), Places: r.int("places"), Accessible: form.Has("accessible"),
		Remote: form.Has("remote"), Languages: strings.FieldsFunc(form.Get("languages"), isListSeparator)}
	r.schedule(&in)
	return in, r.err
}

// Offer schedules: a start and an end date, or a list of weeks.
const (
	scheduleDates = "dates"
	scheduleWeeks = "weeks"
)

// schedule reads the offer's dates, or its weeks when the employer chose
// weeks: only the chosen fields are read, so a stale value left in the
// others (both are shown without JavaScript) does not block the form.
func (r *formReader) schedule(in *passerelle.OfferInput) {
	if r.form.Get("schedule") != scheduleWeeks {
		in.StartDate, in.EndDate = r.time("start_date", dateLayout), r.time("end_date", dateLayout)
		return
	}
	for _, v := range r.form["weeks"] {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		t, err := time.ParseInLocation(dateLayout, v, domain.Paris)
		if err != nil {
			r.fail("weeks", "error.form.date")
		}
		in.Weeks = append(in.Weeks, t)
	}
	if len(in.Weeks) == 0 {
		r.fail("weeks", "error.offer.weeks_missing")
	}
}

func isListSeparator(c rune) bool { return c == ',' || c == ' ' || c == ';' }

func sessionInputFrom(form url.Values) (passerelle.SessionInput, error) {
	r := &formReader{form: form}
	in := passerelle.SessionInput{StartsAt: r.time("starts_at", dateTimeLayout), EndsAt: r.time("ends_at", dateTimeLayout),
		Capacity: r.int("capacity"), MinGroup: r.int("min_group"), MaxGroup: r.int("max_group"),
		AgeMin: r.int("age_min"), AgeMax: r.int("age_max"), ReservedPriority: r.int("reserved_priority"),
		ReservedUntil: r.time("reserved_until", dateLayout), MeetingPoint: form.Get("meeting_point"),
		Accessible: form.Has("accessible")}
	return in, r.err
}

func bookingInputFrom(form url.Values, sessionID string) (passerelle.BookingInput, error) {
	r := &formReader{form: form}
	in := passerelle.BookingInput{SessionID: sessionID, StructureID: form.Get("structure_id"), GroupName: form.Get("group_name"),
		GroupLevel: form.Get("group_level"), Seats: r.int("seats"), Adults: r.int("adults"),
		Waitlist: form.Has("waitlist"), RequestKey: form.Get("request_key")}
	return in, r.err
}
