package store

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/readmodel"
)

// versionsCollection holds one document whose fields count the writes of
// each collection that read models come from or the embedded database's
// document cache keeps (cachedCollections), bumped by every process
// after it writes one: how processes sharing the database learn each
// other's writes.
const (
	versionsCollection = "change_versions"
	versionsID         = "collections"
)

// SyncEvery is how often, at most, a process reads the shared versions: the
// staleness bound of read models for writes made by other processes.
const SyncEvery = 2 * time.Second

// changeFeed knows, per watched collection, a stamp that grows with each
// change this process wrote or learned, and publishes its own writes.
type changeFeed struct {
	mu       sync.Mutex
	watch    map[string]bool
	stamps   map[string]uint64
	seen     map[string]int64 // the shared versions at the last sync
	syncedAt time.Time
	synced   bool
	dirty    map[string]bool // written here, not yet published
	wake     chan struct{}
	stop     chan struct{}
	stopOnce sync.Once
	// publishing is held while publishing: PublishChanges waits for a
	// publication under way, which may carry the caller's writes.
	publishing sync.Mutex
	done       chan struct{}
}

func newChangeFeed() *changeFeed {
	f := &changeFeed{watch: map[string]bool{}, stamps: map[string]uint64{}, seen: map[string]int64{},
		dirty: map[string]bool{}, wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	for _, c := range slices.Concat(readmodel.Sources, cachedCollections) {
		f.watch[c] = true
	}
	return f
}

// watched is read by the command monitor without the lock: the set never
// changes after newChangeFeed.
func (f *changeFeed) watched(collection string) bool { return f.watch[collection] }

// wrote records this process's writes: read models see them at once, and
// the publisher tells the other processes.
func (f *changeFeed) wrote(collections ...string) {
	if len(collections) == 0 {
		return
	}
	f.mu.Lock()
	for _, c := range collections {
		f.stamps[c]++
		f.dirty[c] = true
	}
	f.mu.Unlock()
	select {
	case f.wake <- struct{}{}:
	default: // a publication is already due; it takes these too
	}
}

// ChangeStamp is a number that grows whenever one of collections changed,
// as far as this process knows (readmodel.Changes).
func (db *DB) ChangeStamp(collections ...string) uint64 {
	f := db.changes
	f.mu.Lock()
	defer f.mu.Unlock()
	var sum uint64
	for _, c := range collections {
		sum += f.stamps[c]
	}
	return sum
}

// SyncChanges reads the shared versions when the last read is older than
// SyncEvery, and counts a change for each collection another process (or
// this one) bumped since (readmodel.Changes). Only one caller reads; the
// others go on with what is known.
func (db *DB) SyncChanges(ctx context.Context, now time.Time) error {
	f := db.changes
	f.mu.Lock()
	if f.synced && inInterval(now, f.syncedAt, SyncEvery) {
		f.mu.Unlock()
		return nil
	}
	f.syncedAt, f.synced = now, true
	f.mu.Unlock()
	var doc bson.M
	err := db.db.Collection(versionsCollection).FindOne(ctx, bson.D{{Key: "_id", Value: versionsID}}).Decode(&doc)
	if err != nil && !errors.Is(err, mongo.ErrNoDocuments) {
		f.mu.Lock()
		f.synced = false // the next caller tries again
		f.mu.Unlock()
		return mapError(err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	// The first read counts every version as a change: a model loaded while
	// it was under way may have missed a write it reports.
	for c := range f.watch {
		if v := int64Of(doc[c]); v != f.seen[c] {
			f.stamps[c]++
			f.seen[c] = v
			// Maybe another process's write (docCache). This process's own
			// publications empty the collection too: telling them apart by
			// counting them fails on the embedded database, whose version
			// document loses one of two processes' concurrent increments.
			db.docs.forgetCollection(c)
		}
	}
	return nil
}

func inInterval(now, at time.Time, d time.Duration) bool {
	elapsed := now.Sub(at)
	return elapsed >= 0 && elapsed < d
}

func int64Of(v any) int64 {
	switch v := v.(type) {
	case int32:
		return int64(v)
	case int64:
		return v
	case float64:
		return int64(v)
	}
	return 0
}

// publish bumps, in one write, the shared versions of the collections this
// process wrote since the last publication; it runs until Close, which waits
// for the last one.
func (db *DB) publish() {
	f := db.changes
	defer close(f.done)
	for {
		select {
		case <-f.wake:
		case <-f.stop:
			_ = db.publishBackground()
			return
		}
		_ = db.publishBackground()
	}
}

// publishBackground publishes outside any request; a failure is logged by
// publishDirty and retried with the next write.
func (db *DB) publishBackground() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return db.publishDirty(ctx)
}

// PublishChanges tells the other processes, before it returns, the writes
// this process made (readmodel.Changes): the web server calls it before
// answering a request that wrote, so that the staleness bound holds from
// the answer on. Writes made elsewhere (jobs) are published in the
// background.
func (db *DB) PublishChanges(ctx context.Context) error {
	return db.publishDirty(ctx)
}

func (db *DB) publishDirty(ctx context.Context) error {
	f := db.changes
	f.publishing.Lock()
	defer f.publishing.Unlock()
	f.mu.Lock()
	names := slices.Sorted(maps.Keys(f.dirty))
	clear(f.dirty)
	f.mu.Unlock()
	if len(names) == 0 {
		return nil
	}
	inc := bson.D{}
	for _, c := range names {
		inc = append(inc, bson.E{Key: c, Value: int64(1)})
	}
	_, err := db.db.Collection(versionsCollection).UpdateOne(ctx, bson.D{{Key: "_id", Value: versionsID}},
		bson.D{{Key: "$inc", Value: inc}}, options.Update().SetUpsert(true))
	if err != nil {
		// The other processes learn these writes with the next publication,
		// or when their read models reach their maximum age.
		db.logger.Warn("store: publish the collections written", "collections", names, "error", err)
		f.mu.Lock()
		for _, c := range names {
			f.dirty[c] = true
		}
		f.mu.Unlock()
	}
	return mapError(err)
}
