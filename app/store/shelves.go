package store

import (
	"cmp"
	"context"
	"encoding/hex"
	"errors"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"weak"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const shelvesCollection = "shelves"

// A shelf lists one owner's documents of a collection (a counsellor's
// bookings, a youth's applications, an organisation's offers and received
// applications, a structure's followed youths) by _id, with what orders the
// list: the instant each was created, or a name. The embedded database reads
// a document by _id in about a millisecond but decodes a whole collection for
// any other filter (a counsellor's bookings cost seconds at scale 20, see
// docs/BENCHMARKS.md), so a person's list reads their shelf, then its page's
// documents by _id (findByIDs): a few milliseconds whatever the size of the
// collection, and always the documents as they are (read-your-writes). A
// shelf is one document up to shelfChunk items, then chunks of that size
// (shelfDoc), so that shelving rewrites a small document whatever the
// owner's number of items.
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
// documents saved before, and 0116_shelves_in_chunks cuts those saved as
// one document.
type shelf struct {
	collection string
	owner      string // the owner's field on the collection's documents
	byName     string // the field that orders the list; "" for created_at, newest first
	// oldestFirst orders by created_at, oldest first: a session's bookings,
	// the order of its waitlist
	oldestFirst bool
	// only is the one owner value shelved, "" for every one: the offers
	// awaiting moderation are a shelf of the status "pending" alone
	only string
}

var (
	bookingsOfCounsellors      = shelf{collection: bookingsCollection, owner: "counsellor_id"}
	applicationsOfYouths       = shelf{collection: applicationsCollection, owner: "youth_id"}
	applicationsOfOrganisation = shelf{collection: applicationsCollection, owner: "organisation_id"}
	offersOfOrganisations      = shelf{collection: offersCollection, owner: "organisation_id"}
	youthsOfStructures         = shelf{collection: youthsCollection, owner: "structure_id", byName: "first_name"}
	bookingsOfSessions         = shelf{collection: bookingsCollection, owner: "session_id", oldestFirst: true}
	favouritesOfYouths         = shelf{collection: favouritesCollection, owner: "youth_id"}
	savedSearchesOfYouths      = shelf{collection: savedSearchesCollection, owner: "youth_id", oldestFirst: true}
	offersAwaitingModeration   = shelf{collection: offersCollection, owner: "status", oldestFirst: true,
		only: string(domain.OfferPending)}
	shelves = []shelf{bookingsOfCounsellors, applicationsOfYouths, applicationsOfOrganisation,
		offersOfOrganisations, youthsOfStructures, bookingsOfSessions, favouritesOfYouths, savedSearchesOfYouths}
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

// shelfChunk is how many items a shelf document holds (per process, see
// chunker). FerretDB rewrites and re-encodes a whole document for any $set:
// BenchmarkShelfDocument measured (2 shared cores, 2026-12-05) a one-item
// set at 3.4 ms into a document of 10 items, 7.4 ms at 100, 9 ms at 200,
// 29 ms at 500 and 126 ms at 2 000 (a busy counsellor's single shelf before
// chunks); reading costs about 1.2 ms a document plus 35 µs an item. An
// item costs about 300 bytes of FerretDB's JSON, so a chunk of 100 is up to
// 31 KB that SQLite parses again for each index on every write: 100
// counsellors booking at once made 146 and 120 bookings/s with chunks of
// 100, 209 and 194 with chunks of 25 (2026-12-05, docs/BENCHMARKS.md). A
// list reads one more document per 25 items, which the embedded database's
// document cache serves and MongoDB reads in the same round trip.
const shelfChunk = 25

// A shelf is one document, its head, keyed by shelf.id, while it holds
// fewer than shelfChunk items: most shelves, read in one _id lookup. Past
// that, its items go on in chunk documents (chunkID), and the head counts
// its shelf's documents, itself included. A chunk is only ever counted on
// the head before an item is written in it, so a reader, who reads the head
// then its chunks (findByIDs: one round trip on MongoDB), sees every item
// shelved before it started.
type shelfDoc struct {
	ID     string             `bson:"_id"`
	Items  map[string]shelved `bson:"items"`
	Chunks int                `bson:"chunks,omitempty"` // on the head; 0 is 1: the head alone
}

func (d shelfDoc) chunks() int { return max(1, d.Chunks) }

// chunkID is the id of the k-th document of the shelf whose head is head;
// the head is the 0th.
func chunkID(head string, k int) string {
	if k == 0 {
		return head
	}
	return head + "#" + strconv.Itoa(k)
}

// shelve records items on their owners' shelves, in the chunk each shelf
// fills: one upsert by _id per document written, in one round trip (and,
// the first time this process shelves on a shelf, one read of its head and
// last chunk). Shelving again changes nothing a reader sees: an item
// shelved twice may sit in two chunks, and the later chunk's copy is the
// one read (see shelfItems). Items without an owner are on no shelf.
func shelve(ctx context.Context, coll *mongo.Collection, items []shelfItem) error {
	var heads []string
	byHead := map[string][]shelved{}
	for _, it := range items {
		if it.Owner == "" {
			continue
		}
		id := it.shelf.id(it.Owner)
		if _, ok := byHead[id]; !ok {
			heads = append(heads, id)
		}
		byHead[id] = append(byHead[id], it.shelved)
	}
	if len(heads) == 0 {
		return nil
	}
	c := chunkerOf(coll.Database())
	if err := c.learn(ctx, coll, heads); err != nil {
		return err
	}
	models := c.place(heads, byHead)
	_, err := coll.BulkWrite(ctx, models, options.BulkWrite().SetOrdered(true))
	if err != nil {
		c.forget(heads) // what was counted may not be written: learn it again
	}
	return mapError(err)
}

// chunker knows, for the shelves this process shelved on, the chunk it
// fills and how many items it put there, so that shelving reads nothing in
// the steady state. Several processes sharing a MongoDB database each fill
// the same last chunk up to shelfChunk items of their own: a chunk holds at
// most shelfChunk items per process.
type chunker struct {
	mu   sync.Mutex
	ends map[string]shelfEnd // by head id
}

// shelfEnd is the end of one shelf as this process fills it.
type shelfEnd struct {
	chunk   int // the chunk items go in
	items   int // the items in it
	counted int // the documents the head counts
}

// chunkers are the databases' chunkers, each forgotten with its database
// (the embedded one's tests open many).
var chunkers sync.Map // weak.Pointer[mongo.Database] → *chunker

func chunkerOf(db *mongo.Database) *chunker {
	key := weak.Make(db)
	if c, ok := chunkers.Load(key); ok {
		return c.(*chunker)
	}
	c, loaded := chunkers.LoadOrStore(key, &chunker{ends: map[string]shelfEnd{}})
	if !loaded {
		runtime.AddCleanup(db, func(k weak.Pointer[mongo.Database]) { chunkers.Delete(k) }, key)
	}
	return c.(*chunker)
}

// learn reads the ends of the shelves heads this process does not know yet:
// their heads, then the last chunk of those that have several.
func (c *chunker) learn(ctx context.Context, coll *mongo.Collection, heads []string) error {
	c.mu.Lock()
	unknown := slices.DeleteFunc(slices.Clone(heads), func(h string) bool { _, ok := c.ends[h]; return ok })
	c.mu.Unlock()
	if len(unknown) == 0 {
		return nil
	}
	found, err := readShelfDocs(ctx, coll, unknown)
	if err != nil {
		return err
	}
	ends := make(map[string]shelfEnd, len(unknown))
	var lasts []string
	for _, h := range unknown {
		d := found[h]
		ends[h] = shelfEnd{chunk: d.chunks() - 1, items: len(d.Items), counted: d.chunks()}
		if d.chunks() > 1 {
			lasts = append(lasts, chunkID(h, d.chunks()-1))
		}
	}
	last, err := readShelfDocs(ctx, coll, lasts)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for h, e := range ends {
		if e.chunk > 0 {
			e.items = len(last[chunkID(h, e.chunk)].Items)
		}
		if _, ok := c.ends[h]; !ok { // another shelving learned it meanwhile: its count is as good, and newer
			c.ends[h] = e
		}
	}
	return nil
}

// place puts each shelf's items in the chunk it fills, opening the next one
// when full, and returns the writes: first the heads that count a new
// chunk, then the items, so that a reader never misses a written item.
func (c *chunker) place(heads []string, byHead map[string][]shelved) []mongo.WriteModel {
	c.mu.Lock()
	defer c.mu.Unlock()
	var counts, sets []mongo.WriteModel
	for _, h := range heads {
		e := c.ends[h]
		byChunk := map[int]bson.D{}
		var order []int
		for _, it := range byHead[h] {
			if e.items >= shelfChunk {
				e.chunk, e.items = e.chunk+1, 0
			}
			if _, ok := byChunk[e.chunk]; !ok {
				order = append(order, e.chunk)
			}
			byChunk[e.chunk] = append(byChunk[e.chunk], bson.E{Key: itemField(it.ID), Value: it})
			e.items++
		}
		if e.chunk+1 > e.counted {
			e.counted = e.chunk + 1
			counts = append(counts, upsertByID(h, bson.D{{Key: "$max", Value: bson.D{{Key: "chunks", Value: e.counted}}}}))
		}
		for _, k := range order {
			sets = append(sets, upsertByID(chunkID(h, k), bson.D{{Key: "$set", Value: byChunk[k]}}))
		}
		c.ends[h] = e
	}
	return append(counts, sets...)
}

// forget drops what the process knows of these shelves' ends.
func (c *chunker) forget(heads []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, h := range heads {
		delete(c.ends, h)
	}
}

func upsertByID(id string, update bson.D) mongo.WriteModel {
	return mongo.NewUpdateOneModel().SetFilter(bson.D{{Key: "_id", Value: id}}).SetUpdate(update).SetUpsert(true)
}

// shelvesOneByOne is how many shelf documents shelving reads by _id one at
// a time before a single `$in` read: shelving knows only the collection,
// not whether it is the embedded database, where `$in` decodes the whole
// collection (see findByIDs); a booking's two shelves cost two lookups, and
// only the first time this process shelves on them.
const shelvesOneByOne = 8

// readShelfDocs reads the shelf documents among ids that exist, by id.
func readShelfDocs(ctx context.Context, coll *mongo.Collection, ids []string) (map[string]shelfDoc, error) {
	docs := make(map[string]shelfDoc, len(ids))
	if len(ids) == 0 {
		return docs, nil
	}
	if len(ids) > shelvesOneByOne {
		list, err := findAll[shelfDoc](ctx, coll, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}})
		for _, d := range list {
			docs[d.ID] = d
		}
		return docs, err
	}
	for _, id := range ids {
		var d shelfDoc
		err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) {
			continue
		}
		if err != nil {
			return nil, mapError(err)
		}
		docs[id] = d
	}
	return docs, nil
}

// itemField is where a shelf keeps the item id. The id may hold dots or
// dollars (an idempotency key): hex makes it a field name.
func itemField(id string) string { return "items." + hex.EncodeToString([]byte(id)) }

// unshelve takes an item off its owner's shelf, from every chunk: it reads
// the head, then writes each of its documents in one round trip.
func (db *DB) unshelve(ctx context.Context, s shelf, owner, id string) error {
	if owner == "" {
		return nil
	}
	head := s.id(owner)
	docs, err := findByIDs[shelfDoc](ctx, db, db.shelves(), []string{head})
	if err != nil || len(docs) == 0 {
		return err
	}
	models := make([]mongo.WriteModel, docs[0].chunks())
	for k := range models {
		models[k] = mongo.NewUpdateOneModel().SetFilter(bson.D{{Key: "_id", Value: chunkID(head, k)}}).
			SetUpdate(bson.D{{Key: "$unset", Value: bson.D{{Key: itemField(id), Value: ""}}}})
	}
	_, err = db.shelves().BulkWrite(ctx, models, options.BulkWrite().SetOrdered(false))
	return mapError(err)
}

func (db *DB) shelves() *mongo.Collection { return db.db.Collection(shelvesCollection) }

// shelfItems reads the items on the owners' shelves, in the shelf's order:
// their heads, then the chunks of those that have several, each by _id
// (findByIDs: two round trips on MongoDB; on the embedded database one a
// document). An item found in several chunks (shelved again) is the later
// chunk's: this process writes a shelf's chunks in turn.
func (db *DB) shelfItems(ctx context.Context, s shelf, owners []string) ([]shelved, error) {
	heads := slices.Compact(slices.Sorted(slices.Values(owners)))
	for i, owner := range heads {
		heads[i] = s.id(owner)
	}
	first, err := findByIDs[shelfDoc](ctx, db, db.shelves(), heads)
	if err != nil {
		return nil, err
	}
	var more []string
	for _, d := range first {
		for k := 1; k < d.chunks(); k++ {
			more = append(more, chunkID(d.ID, k))
		}
	}
	rest, err := findByIDs[shelfDoc](ctx, db, db.shelves(), more)
	if err != nil {
		return nil, err
	}
	byID := map[string]shelfDoc{}
	for _, d := range slices.Concat(first, rest) {
		byID[d.ID] = d
	}
	items := map[string]shelved{}
	for _, h := range first {
		for k := range h.chunks() {
			for _, it := range byID[chunkID(h.ID, k)].Items {
				items[it.ID] = it
			}
		}
	}
	all := slices.Collect(maps.Values(items))
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

// shelvedAll reads every document on the owners' shelves, in the shelf's
// order (shelvedDocs tells which are left out).
func shelvedAll[T any](ctx context.Context, db *DB, s shelf, coll *mongo.Collection, owners []string, key func(*T) (id, owner string)) ([]T, error) {
	items, err := db.shelfItems(ctx, s, owners)
	if err != nil {
		return nil, err
	}
	return shelvedDocs(ctx, db, coll, items, owners, key)
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
	return fillTheShelves(ctx, db, shelves...)
}

func fillTheShelves(ctx context.Context, db *mongo.Database, shelves ...shelf) error {
	for _, s := range shelves {
		projection := options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: s.owner, Value: 1},
			{Key: cmp.Or(s.byName, "created_at"), Value: 1}})
		cur, err := db.Collection(s.collection).Find(ctx, equal(bson.D{}, s.owner, s.only), projection)
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

// splitShelves cuts the shelves written as one document before chunks
// (migration 0116): a head's items past its first shelfChunk (in the order
// of their fields) are written in new chunks, then, in one update, the head
// counts the chunks and drops these items, so that a reader finds each item
// at any point, and a crash leaves at worst an item in two documents.
func splitShelves(ctx context.Context, db *mongo.Database) error {
	coll := db.Collection(shelvesCollection)
	heads, err := findAll[shelfDoc](ctx, coll, bson.D{})
	if err != nil {
		return err
	}
	for _, d := range heads {
		if len(d.Items) <= shelfChunk || d.Chunks > 0 || strings.Contains(d.ID, "#") {
			continue // within bounds, or already in chunks (a head that counts them, a chunk)
		}
		moved := slices.Sorted(maps.Keys(d.Items))[shelfChunk:]
		var models []mongo.WriteModel
		var unset bson.D
		next := d.chunks()
		for part := range slices.Chunk(moved, shelfChunk) {
			var set bson.D
			for _, field := range part {
				set = append(set, bson.E{Key: "items." + field, Value: d.Items[field]})
				unset = append(unset, bson.E{Key: "items." + field, Value: ""})
			}
			models = append(models, upsertByID(chunkID(d.ID, next), bson.D{{Key: "$set", Value: set}}))
			next++
		}
		models = append(models, upsertByID(d.ID, bson.D{{Key: "$max", Value: bson.D{{Key: "chunks", Value: next}}},
			{Key: "$unset", Value: unset}}))
		if _, err := coll.BulkWrite(ctx, models, options.BulkWrite().SetOrdered(true)); err != nil {
			return mapError(err)
		}
	}
	return nil
}
