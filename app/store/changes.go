package store

import (
	"time"

	"go.mongodb.org/mongo-driver/bson"

	"passerelle/app/domain"
)

// The fields each typed change of the domain writes.

func offerChange(c domain.OfferChange) bson.D {
	set := bson.D{}
	set = setTime(set, "updated_at", c.At)
	if c.PublishedAt != nil {
		set = append(set, bson.E{Key: "published_at", Value: *c.PublishedAt})
	}
	if c.RejectReason != nil {
		set = append(set, bson.E{Key: "reject_reason", Value: *c.RejectReason})
	}
	return set
}

func bookingChange(c domain.BookingChange) bson.D {
	set := bson.D{}
	if c.CancelledBy != "" {
		set = append(set, bson.E{Key: "cancelled_by", Value: c.CancelledBy}, bson.E{Key: "cancel_reason", Value: c.CancelReason})
	}
	if c.OpenSeats != nil {
		set = append(set, bson.E{Key: "open_seats", Value: *c.OpenSeats})
	}
	return setTime(set, "updated_at", c.At)
}

func campaignChange(c domain.CampaignChange) bson.D {
	set := bson.D{}
	if c.SessionIDs != nil {
		set = append(set, bson.E{Key: "session_ids", Value: c.SessionIDs})
	}
	if c.Seed != nil {
		set = append(set, bson.E{Key: "seed", Value: *c.Seed})
	}
	if c.Results != nil {
		set = append(set, bson.E{Key: "results", Value: c.Results})
	}
	if c.AllocatedAt != nil {
		set = append(set, bson.E{Key: "allocated_at", Value: *c.AllocatedAt})
	}
	if c.PublishedAt != nil {
		set = append(set, bson.E{Key: "published_at", Value: *c.PublishedAt})
	}
	return set
}

func setTime(set bson.D, field string, t time.Time) bson.D {
	if t.IsZero() {
		return set
	}
	return append(set, bson.E{Key: field, Value: t})
}

// The filters below turn the domain's filters into queries.

func bookingFilter(f domain.BookingFilter) bson.D {
	q := bson.D{}
	q = equal(q, "session_id", f.SessionID)
	q = equal(q, "offer_id", f.OfferID)
	q = equal(q, "counsellor_id", f.CounsellorID)
	q = equal(q, "status", string(f.Status))
	if f.OrganisationIDs != nil {
		q = append(q, in("organisation_id", f.OrganisationIDs)...)
	}
	return q
}

func bookingOrder(f domain.BookingFilter) bson.D {
	if f.NewestFirst {
		return bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: 1}}
	}
	return bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}
}

func applicationFilter(f domain.ApplicationFilter) bson.D {
	q := bson.D{}
	q = equal(q, "offer_id", f.OfferID)
	q = equal(q, "youth_id", f.YouthID)
	if f.OrganisationIDs != nil {
		q = append(q, in("organisation_id", f.OrganisationIDs)...)
	}
	return q
}

func offerFilter(f domain.OfferFilter) bson.D {
	q := equal(bson.D{}, "status", string(f.Status))
	if f.OrganisationIDs != nil {
		q = append(q, in("organisation_id", f.OrganisationIDs)...)
	}
	return q
}

func offerOrder(f domain.OfferFilter) bson.D {
	if f.OldestFirst {
		return bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}
	}
	return newestFirst
}

var newestFirst = bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: 1}}

// createdOrder is the oldest first, the order of a thread.
var createdOrder = bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}

// equal adds field = value to q when value is not empty.
func equal(q bson.D, field, value string) bson.D {
	if value == "" {
		return q
	}
	return append(q, bson.E{Key: field, Value: value})
}
