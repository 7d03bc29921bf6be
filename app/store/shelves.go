package store

import (
	"cmp"
	"context"
	"encoding/hex"
	"errors"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const shelvesCollection = "shelves"

// A shelf lists one owner's documents of a collection (a counsellor's
// bookings, a youth's applications, an organisation's offers and received
// applications) in one document keyed by _id, with the instant each was
// created: the order of the lists. The embedded database reads a document by
// _id in about a millisecond but decodes a whole collection for any other
// filter (a counsellor's bookings cost seconds at scale 20, see
// docs/BENCHMARKS.md), so a person's list reads their shelf, then its page's
// documents by _id (findByIDs): a few milliseconds whatever the size of the
// collection, and always the documents as they are (read-your-writes).
//
// An item is shelved before its document is inserted, in the same pass: a
// crash in between leaves an id without a document, which the lists skip
// (the total counts it). Owners never change (a booking's counsellor, an
// application's youth and organisation, an offer's organisation) and these
// documents are never deleted, so inserts are the only writes a shelf
// follows. Migration 0115_shelves fills them for the documents saved before.
type shelf struct {
	collection string
	owner      string // the owner's field on the collection's documents
}

var (
	bookingsOfCounsellors      = shelf{bookingsCollection, "counsellor_id"}
	applicationsOfYouths       = shelf{applicationsCollection, "youth_id"}
	applicationsOfOrganisation = shelf{applicationsCollection, "organisation_id"}
	offersOfOrganisations      = shelf{offersCollection, "organisation_id"}
	shelves                    = []shelf{bookingsOfCounsellors, applicationsOfYouths, applicationsOfOrganisation, offersOfOrganisations}
)

func (s shelf) id(owner string) string { return s.collection + "." + s.owner + ":" + owner }

// shelved is one item of a shelf.
type shelved struct {
	ID        string    `bson:"id"`
	CreatedAt time.Time `bson:"created_at"`
}

// shelfItem is an item to shelve: the document's owner, id and creation.
type shelfItem struct {
	Owner string
	shelved
}

// shelve records items on their owners' shelves, one upsert by _id per
// owner, all in one round trip. Shelving again changes nothing. Items
// without an owner are on no shelf.
func shelve(ctx context.Context, coll *mongo.Collection, s shelf, items []shelfItem) error {
	byOwner := map[string]bson.D{}
	var owners []string
	for _, it := range items {
		if it.Owner == "" {
			continue
		}
		if _, ok := byOwner[it.Owner]; !ok {
			owners = append(owners, it.Owner)
		}
		// The id may hold dots or dollars (an idempotency key): hex makes it a field name.
		byOwner[it.Owner] = append(byOwner[it.Owner], bson.E{Key: "items." + hex.EncodeToString([]byte(it.ID)), Value: it.shelved})
	}
	if len(owners) == 0 {
		return nil
	}
	models := make([]mongo.WriteModel, len(owners))
	for i, owner := range owners {
		models[i] = mongo.NewUpdateOneModel().SetFilter(bson.D{{Key: "_id", Value: s.id(owner)}}).
			SetUpdate(bson.D{{Key: "$set", Value: byOwner[owner]}}).SetUpsert(true)
	}
	_, err := coll.BulkWrite(ctx, models, options.BulkWrite().SetOrdered(false))
	return mapError(err)
}

func (db *DB) shelves() *mongo.Collection { return db.db.Collection(shelvesCollection) }

// shelfPage reads one page of the documents on the owners' shelves, newest
// first (created_at descending, then _id): one _id read per owner, then the
// page's documents by _id. id tells a document's id.
func shelfPage[T any](ctx context.Context, db *DB, s shelf, coll *mongo.Collection, owners []string, r domain.PageRequest, id func(*T) string) (domain.Page[T], error) {
	p := domain.Page[T]{Page: r.Number, PerPage: r.Size, Items: []T{}}
	var all []shelved
	for _, owner := range slices.Compact(slices.Sorted(slices.Values(owners))) {
		var doc struct {
			Items map[string]shelved `bson:"items"`
		}
		err := db.shelves().FindOne(ctx, bson.D{{Key: "_id", Value: s.id(owner)}}).Decode(&doc)
		if errors.Is(err, mongo.ErrNoDocuments) {
			continue
		}
		if err != nil {
			return p, mapError(err)
		}
		for _, it := range doc.Items {
			all = append(all, it)
		}
	}
	slices.SortFunc(all, func(a, b shelved) int {
		return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	p.Total = len(all)
	if r.LastWhenPast && r.Number > p.Pages() {
		r.Number = p.Pages()
		p.Page = r.Number
	}
	if r.Offset() >= p.Total {
		return p, nil
	}
	ids := make([]string, 0, r.Size)
	for _, it := range all[r.Offset():min(r.Offset()+r.Size, len(all))] {
		ids = append(ids, it.ID)
	}
	docs, err := findByIDs[T](ctx, db, coll, ids)
	if err != nil {
		return p, err
	}
	byID := make(map[string]T, len(docs))
	for _, d := range docs {
		byID[id(&d)] = d
	}
	for _, i := range ids {
		if d, ok := byID[i]; ok {
			p.Items = append(p.Items, d)
		}
	}
	return p, nil
}

// fillShelves puts on their shelves the documents saved before shelves
// existed: one scan of each collection, projected on what a shelf keeps.
func fillShelves(ctx context.Context, db *mongo.Database) error {
	for _, s := range shelves {
		projection := options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: s.owner, Value: 1}, {Key: "created_at", Value: 1}})
		cur, err := db.Collection(s.collection).Find(ctx, bson.D{}, projection)
		if err != nil {
			return mapError(err)
		}
		var docs []bson.Raw
		if err := cur.All(ctx, &docs); err != nil {
			return mapError(err)
		}
		items := make([]shelfItem, 0, len(docs))
		for _, d := range docs {
			id, _ := d.Lookup("_id").StringValueOK()
			owner, _ := d.Lookup(s.owner).StringValueOK()
			at, _ := d.Lookup("created_at").TimeOK()
			items = append(items, shelfItem{Owner: owner, shelved: shelved{ID: id, CreatedAt: at}})
		}
		if err := shelve(ctx, db.Collection(shelvesCollection), s, items); err != nil {
			return err
		}
	}
	return nil
}
