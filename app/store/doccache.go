package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

// DefaultCachedDocuments is how many documents the embedded database's
// document cache keeps when the configuration does not say.
const DefaultCachedDocuments = 20000

// cachedCollections are the collections whose documents the embedded
// database's cache keeps by _id: what the session of every signed-in page
// and the person's lists read (a list is a shelf, then its documents by
// _id). Each read by _id costs a round trip behind the embedded database's
// single connection, a crowd's queue. The change feed watches them too, so
// that another process's writes reach the cache (docCache.forgetCollection).
var cachedCollections = []string{webSessionsCollection, usersCollection, youthsCollection,
	organisationsCollection, offersCollection, sessionsCollection, bookingsCollection, applicationsCollection,
	favouritesCollection, savedSearchesCollection, shelvesCollection}

// docCache keeps documents by (collection, _id) in the embedded mode, which
// serves one application process (DESIGN.md): every write of this process
// goes through the driver's command monitor, which forgets what it changes
// before the write returns (forgetWrite), so that a read started after a
// write returned sees it. The documents are kept as raw BSON, immutable, and
// decoded for each reader, who may change their copy. A missing document is
// kept as missing (a youth without favourites reads their shelf on every
// page), so an insert forgets the ids it inserts. A write the driver gives up
// on (its context ended) is forgotten when the driver reports its failure;
// should the embedded server still apply it afterwards, a read in between
// would keep the document as it was until its next write or eviction.
//
// Another process sharing the database (tests, through DB.Shared) writes
// without this monitor: its writes reach this cache when this process
// learns them from the shared change versions (SyncChanges), which then
// forgets the whole collection. That is the bounded staleness of the read
// models (SyncEvery, while pages read them), not read-your-writes across
// processes: MongoDB mode, the one for several processes, keeps no cache.
type docCache struct {
	entries     *lru.Cache[docKey, cachedDoc]
	collections map[string]*cacheState // cachedCollections, never changed after newDocCache
	hits        atomic.Uint64
	misses      atomic.Uint64
	// beforeKeep runs between a read and its keeping, for tests to write
	// in that window; nil outside them.
	beforeKeep func()
}

type docKey struct{ collection, id string }

// cachedDoc is a document as read (nil: there was none), with the
// collection's drops when it was.
type cachedDoc struct {
	raw   bson.Raw
	drops uint64
}

// cacheState orders one collection's reads and writes. A reader takes the
// writes count before reading the database and keeps what it read only if
// no write ended since: otherwise it may hold the document as it was
// before a write whose forgetting already ran. drops counts the times the
// whole collection was forgotten: a kept document from before the last one
// is not served (forgetting is then one increment, whatever the size).
type cacheState struct {
	mu     sync.Mutex // held to check writes and keep a document, and to forget
	writes atomic.Uint64
	drops  atomic.Uint64
}

// newDocCache returns a cache of size documents, or nil (no cache) when
// size is not positive.
func newDocCache(size int) *docCache {
	if size <= 0 {
		return nil
	}
	entries, err := lru.New[docKey, cachedDoc](size)
	if err != nil {
		panic(err) // size > 0 was checked: lru.New fails on nothing else
	}
	c := &docCache{entries: entries, collections: map[string]*cacheState{}}
	for _, name := range cachedCollections {
		c.collections[name] = &cacheState{}
	}
	return c
}

// CacheStats is what the document cache served: a hit is a read by _id
// that cost no round trip.
type CacheStats struct {
	Hits, Misses uint64
	Documents    int
}

// DocumentCacheStats tells what the document cache served since the start;
// zero in MongoDB mode, which keeps no cache.
func (db *DB) DocumentCacheStats() CacheStats {
	c := db.docs
	if c == nil {
		return CacheStats{}
	}
	return CacheStats{Hits: c.hits.Load(), Misses: c.misses.Load(), Documents: c.entries.Len()}
}

// state is the collection's state, nil for a collection the cache does not
// keep (or no cache).
func (c *docCache) state(collection string) *cacheState {
	if c == nil {
		return nil
	}
	return c.collections[collection]
}

// get returns the kept document, nil when it is kept as missing, counting
// a hit or a miss.
func (c *docCache) get(s *cacheState, collection, id string) (bson.Raw, bool) {
	d, ok := c.entries.Get(docKey{collection, id})
	if ok && d.drops == s.drops.Load() {
		c.hits.Add(1)
		return d.raw, true
	}
	c.misses.Add(1)
	return nil, false
}

// keep stores a document read from the database after the collection's
// writes count was writes, unless a write ended since. The id is copied: it
// may be a request's (Fiber's strings are borrowed and rewritten by the next
// request), and a key that changed under the map would serve another
// document under this id.
func (c *docCache) keep(s *cacheState, collection, id string, raw bson.Raw, writes uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.writes.Load() == writes {
		c.entries.Add(docKey{collection, strings.Clone(id)}, cachedDoc{raw: raw, drops: s.drops.Load()})
	}
}

// forget drops the documents ids of collection after a write to them, or
// all of them (whole) after a write that may have changed any.
func (c *docCache) forget(collection string, ids []string, whole bool) {
	s := c.state(collection)
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writes.Add(1)
	if whole {
		s.drops.Add(1)
		return
	}
	for _, id := range ids {
		c.entries.Remove(docKey{collection, id})
	}
}

func (c *docCache) forgetCollection(collection string) { c.forget(collection, nil, true) }

// forgetAll drops every document, after a command that may have written
// anything.
func (c *docCache) forgetAll() {
	if c == nil {
		return
	}
	for name := range c.collections {
		c.forgetCollection(name)
	}
}

// readByID returns the raw document of coll with _id id: from the cache
// when kept, else read (one round trip) and kept. A missing document is
// (nil, mongo.ErrNoDocuments), and kept as missing.
func (db *DB) readByID(ctx context.Context, coll *mongo.Collection, id string) (bson.Raw, error) {
	c := db.docs
	s := c.state(coll.Name())
	if s == nil {
		return coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Raw()
	}
	if raw, ok := c.get(s, coll.Name(), id); ok {
		return found(raw)
	}
	writes := s.writes.Load()
	raw, err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Raw()
	switch {
	case errors.Is(err, mongo.ErrNoDocuments):
		raw = nil
	case err != nil:
		return nil, err
	default:
		// The driver's bytes may share a reply buffer: the cache keeps its own.
		raw = slices.Clone(raw)
	}
	if c.beforeKeep != nil {
		c.beforeKeep()
	}
	c.keep(s, coll.Name(), id, raw, writes)
	return found(raw)
}

// found is a kept or read document, or mongo.ErrNoDocuments for nil.
func found(raw bson.Raw) (bson.Raw, error) {
	if raw == nil {
		return nil, mongo.ErrNoDocuments
	}
	return raw, nil
}

// decodeByID decodes into doc the document of coll with _id id (readByID):
// found is false when there is none.
func decodeByID(ctx context.Context, db *DB, coll *mongo.Collection, id string, doc any) (found bool, err error) {
	raw, err := db.readByID(ctx, coll, id)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, bson.Unmarshal(raw, doc)
}

// writtenIDs tells which documents a write command may change: those its
// filters restrict to by _id (alone or with other conditions, such as the
// conditional seat updates), else (whole) any of its collection.
func writtenIDs(command string, cmd bson.Raw) (ids []string, whole bool) {
	var filters []bson.Raw
	switch command {
	case "insert": // the new documents may be kept as missing
		ids, ok := valuesOf(cmd.Lookup("documents"), func(v bson.RawValue) (string, bool) {
			doc, ok := v.DocumentOK()
			if !ok {
				return "", false
			}
			id, err := doc.LookupErr("_id")
			if err != nil {
				return "", false
			}
			if s, ok := id.StringValueOK(); ok {
				return s, true
			}
			return "", true // the cache keeps documents by string ids only: "" is none of them
		})
		return ids, !ok
	case "findAndModify":
		q, ok := cmd.Lookup("query").DocumentOK()
		if !ok {
			return nil, true
		}
		filters = []bson.Raw{q}
	case "update", "delete":
		var ok bool
		filters, ok = valuesOf(cmd.Lookup(command+"s"), func(v bson.RawValue) (bson.Raw, bool) {
			statement, ok := v.DocumentOK()
			if !ok {
				return nil, false
			}
			return statement.Lookup("q").DocumentOK()
		})
		if !ok {
			return nil, true
		}
	default:
		return nil, true
	}
	for _, q := range filters {
		named, ok := filterIDs(q)
		if !ok {
			return nil, true
		}
		ids = append(ids, named...)
	}
	return ids, false
}

// filterIDs returns the ids a filter restricts its documents to, through
// a top-level `_id` equal to a string, or `$eq` or `$in` strings; ok is
// false when the filter may match other documents.
func filterIDs(q bson.Raw) (ids []string, ok bool) {
	v, err := q.LookupErr("_id")
	if err != nil {
		return nil, false
	}
	if id, ok := v.StringValueOK(); ok {
		return []string{id}, true
	}
	ops, isDoc := v.DocumentOK()
	if !isDoc {
		return nil, false
	}
	elems, err := ops.Elements()
	if err != nil || len(elems) != 1 {
		return nil, false
	}
	switch op := elems[0]; op.Key() {
	case "$eq":
		id, ok := op.Value().StringValueOK()
		return []string{id}, ok
	case "$in":
		return valuesOf(op.Value(), bson.RawValue.StringValueOK)
	}
	return nil, false
}

// valuesOf maps the values of the array v through each; ok is false when v
// is not an array or each refuses one of its values.
func valuesOf[T any](v bson.RawValue, each func(bson.RawValue) (T, bool)) (out []T, ok bool) {
	arr, ok := v.ArrayOK()
	if !ok {
		return nil, false
	}
	values, err := arr.Values()
	if err != nil {
		return nil, false
	}
	for _, x := range values {
		t, ok := each(x)
		if !ok {
			return nil, false
		}
		out = append(out, t)
	}
	return out, true
}

// readOnlyCommands change no document: the cache keeps what it has when
// they run. Any command not listed here nor known as a write (an
// administrator's, a future driver's) makes the cache forget everything.
var readOnlyCommands = map[string]bool{"find": true, "getMore": true, "count": true, "distinct": true,
	"killCursors": true, "endSessions": true, "listIndexes": true, "listCollections": true, "listDatabases": true,
	"ping": true, "hello": true, "isMaster": true, "ismaster": true, "buildInfo": true, "create": true,
	"createIndexes": true, "dropIndexes": true, "explain": true, "dbStats": true, "collStats": true,
	"serverStatus": true, "getParameter": true, "connectionStatus": true, "commitTransaction": true,
	"abortTransaction": true, "saslStart": true, "saslContinue": true}

// forgetting is what the cache forgets when a command ends.
type forgetting struct {
	collection string
	ids        []string
	whole      bool // the whole collection
	all        bool // every collection
}

func (f forgetting) none() bool { return !f.all && !f.whole && len(f.ids) == 0 }

// forgetting tells what the cache must forget when the command ends
// (nothing when there is no cache).
func (c *docCache) forgetting(command, collection string, cmd bson.Raw) forgetting {
	switch {
	case c == nil || readOnlyCommands[command]:
		return forgetting{}
	case command == "aggregate":
		// $out and $merge write: their target may be any collection.
		pipeline, _ := cmd.Lookup("pipeline").ArrayOK()
		if stages, err := pipeline.Values(); err == nil {
			for _, s := range stages {
				if d, ok := s.DocumentOK(); ok && (d.Lookup("$out").Type != 0 || d.Lookup("$merge").Type != 0) {
					return forgetting{all: true}
				}
			}
		}
		return forgetting{}
	case writeCommands[command] || command == "drop":
		if c.state(collection) == nil {
			return forgetting{}
		}
		ids, whole := writtenIDs(command, cmd)
		return forgetting{collection: collection, ids: ids, whole: whole}
	}
	return forgetting{all: true}
}

// forgetNow forgets what f names.
func (c *docCache) forgetNow(f forgetting) {
	switch {
	case f.all:
		c.forgetAll()
	case !f.none():
		c.forget(f.collection, f.ids, f.whole)
	}
}
