package store

import (
	"cmp"
	"context"
	"encoding/hex"
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
// applications, a structure's followed youths) in one document keyed by
// _id, with what orders the list: the instant each was created, or a name. The embedded database reads a document by
// _id in about a millisecond but decodes a whole collection for any other
// filter (a counsellor's bookings cost seconds at scale 20, see
// docs/BENCHMARKS.md), so a person's list reads their shelf, then its page's
// documents by _id (findByIDs): a few milliseconds whatever the size of the
// collection, and always the documents as they are (read-your-writes).
//
// An item is shelved before its document is inserted, in the same pass: a
// crash in between leaves an id without a document, which the lists skip
// (the total counts it). Bookings, applications and offers never change
// owner (a booking's counsellor, an application's youth and organisation, an
// offer's organisation) and are never deleted, so their inserts are the only
// writes their shelves follow; a youth's profile moves from shelf to shelf
// when it changes structure (SaveYouth), and the lists skip a document whose
// owner is no longer the shelf's, so that a crash in a move shows no one to
// a structure they left. Migration 0115_shelves fills the shelves for the
// documents saved before.
type shelf struct {
	collection string
	owner      string // the owner's field on the collection's documents
	byName     string // the field that orders the list; "" for created_at, newest first
	// oldestFirst orders by created_at, oldest first: a session's bookings,
	// the order of its waitlist
	oldestFirst bool
}

var (
	bookingsOfCounsellors      = shelf{collection: bookingsCollection, owner: "counsellor_id"}
	applicationsOfYouths       = shelf{collection: applicationsCollection, owner: "youth_id"}
	applicationsOfOrganisation = shelf{collection: applicationsCollection, owner: "organisation_id"}
	offersOfOrganisations      = shelf{collection: offersCollection, owner: "organisation_id"}
	youthsOfStructures         = shelf{collection: youthsCollection, owner: "structure_id", byName: "first_name"}
	bookingsOfSessions         = shelf{collection: bookingsCollection, owner: "session_id", oldestFirst: true}
	shelves                    = []shelf{bookingsOfCounsellors, applicationsOfYouths, applicationsOfOrganisation,
		offersOfOrganisations, youthsOfStructures, bookingsOfSessions}
)

func (s shelf) id(owner string) string { return s.collection + "." + s.owner + ":" + owner }

// shelved is one item of a shelf.
type shelved struct {
	ID        string    `bson:"id"`
	CreatedAt time.Time `bson:"created_at,omitempty"`
	Name      string    `bson:"name,omitempty"` // on a shelf ordered by name
}

// shelfItem is an item to shelve: which shelf, the document's owner, id
// and what orders it.
type shelfItem struct {
	shelf shelf
	Owner string
	shelved
}

// shelve records items on their owners' shelves, one upsert by _id per
// shelf, all in one round trip. Shelving again changes nothing. Items
// without an owner are on no shelf.
func shelve(ctx context.Context, coll *mongo.Collection, items []shelfItem) error {
	byShelf := map[string]bson.D{}
	var ids []string
	for _, it := range items {
		if it.Owner == "" {
			continue
		}
		id := it.shelf.id(it.Owner)
		if _, ok := byShelf[id]; !ok {
			ids = append(ids, id)
		}
		byShelf[id] = append(byShelf[id], bson.E{Key: itemField(it.ID), Value: it.shelved})
	}
	if len(ids) == 0 {
		return nil
	}
	models := make([]mongo.WriteModel, len(ids))
	for i, id := range ids {
		models[i] = mongo.NewUpdateOneModel().SetFilter(bson.D{{Key: "_id", Value: id}}).
			SetUpdate(bson.D{{Key: "$set", Value: byShelf[id]}}).SetUpsert(true)
	}
	_, err := coll.BulkWrite(ctx, models, options.BulkWrite().SetOrdered(false))
	return mapError(err)
}

// itemField is where a shelf keeps the item id. The id may hold dots or
// dollars (an idempotency key): hex makes it a field name.
func itemField(id string) string { return "items." + hex.EncodeToString([]byte(id)) }

// unshelve takes an item off its owner's shelf.
func (db *DB) unshelve(ctx context.Context, s shelf, owner, id string) error {
	if owner == "" {
		return nil
	}
	_, err := db.shelves().UpdateOne(ctx, bson.D{{Key: "_id", Value: s.id(owner)}},
		bson.D{{Key: "$unset", Value: bson.D{{Key: itemField(id), Value: ""}}}})
	return mapError(err)
}

func (db *DB) shelves() *mongo.Collection { return db.db.Collection(shelvesCollection) }

// shelfItems reads the items on the owners' shelves, one _id read per
// owner, in the shelf's order.
func (db *DB) shelfItems(ctx context.Context, s shelf, owners []string) ([]shelved, error) {
	var all []shelved
	for _, owner := range slices.Compact(slices.Sorted(slices.Values(owners))) {
		var doc struct {
			Items map[string]shelved `bson:"items"`
		}
		found, err := decodeByID(ctx, db, db.shelves(), s.id(owner), &doc)
		if err != nil {
			return nil, mapError(err)
		}
		if !found {
			continue
		}
		for _, it := range doc.Items {
			all = append(all, it)
		}
	}
	order := func(a, b shelved) int { return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(a.ID, b.ID)) }
	switch {
	case s.byName != "":
		order = func(a, b shelved) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) }
	case s.oldestFirst:
		order = func(a, b shelved) int { return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID)) }
	}
	slices.SortFunc(all, order)
	return all, nil
}

// shelvedDocs reads by _id the documents of items, in their order, leaving
// out those missing (a crash between shelving and inserting) and those no
// longer owned by one of owners. key tells a document's id and owner.
func shelvedDocs[T any](ctx context.Context, db *DB, coll *mongo.Collection, items []shelved, owners []string, key func(*T) (id, owner string)) ([]T, error) {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	docs, err := findByIDs[T](ctx, db, coll, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]T, len(docs))
	for _, d := range docs {
		if id, owner := key(&d); slices.Contains(owners, owner) {
			byID[id] = d
		}
	}
	list := make([]T, 0, len(ids))
	for _, id := range ids {
		if d, ok := byID[id]; ok {
			list = append(list, d)
		}
	}
	return list, nil
}

// shelfPage reads one page of the documents on the owners' shelves, in the
// shelf's order: one _id read per owner, then the page's documents by _id.
// key tells a document's id and owner.
func shelfPage[T any](ctx context.Context, db *DB, s shelf, coll *mongo.Collection, owners []string, r domain.PageRequest, key func(*T) (id, owner string)) (domain.Page[T], error) {
	all, err := db.shelfItems(ctx, s, owners)
	if err != nil {
		return domain.Page[T]{Page: r.Number, PerPage: r.Size, Items: []T{}}, err
	}
	p, r, more := startPage[T](len(all), r)
	if !more {
		return p, nil
	}
	p.Items, err = shelvedDocs(ctx, db, coll, all[r.Offset():min(r.Offset()+r.Size, len(all))], owners, key)
	return p, err
}

// fillShelves puts on their shelves the documents saved before shelves
// existed: one scan of each collection, projected on what a shelf keeps.
func fillShelves(ctx context.Context, db *mongo.Database) error {
	for _, s := range shelves {
		projection := options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: s.owner, Value: 1},
			{Key: cmp.Or(s.byName, "created_at"), Value: 1}})
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
			it := shelfItem{shelf: s, Owner: owner, shelved: shelved{ID: id}}
			if s.byName != "" {
				it.Name, _ = d.Lookup(s.byName).StringValueOK()
			} else {
				it.CreatedAt, _ = d.Lookup("created_at").TimeOK()
			}
			items = append(items, it)
		}
		if err := shelve(ctx, db.Collection(shelvesCollection), items); err != nil {
			return err
		}
	}
	return nil
}
