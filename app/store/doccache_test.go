package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"unsafe"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
)

// cacheDB is a fresh embedded database with its document cache, and the
// bare users collection to write it as any code of the process would.
func cacheDB(t *testing.T) (*store.DB, *mongo.Collection) {
	t.Helper()
	db := storetest.OpenConfig(t, storetest.Fresh(t))
	if !db.Embedded() {
		t.Skip("MongoDB mode keeps no document cache")
	}
	return db, db.Collection("users")
}

// userName reads a user by _id as the pages do, "" when there is none.
func userName(t *testing.T, db *store.DB, id string) string {
	t.Helper()
	u, err := db.UserByID(context.Background(), id)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return u.Name
}

func insertUsers(t *testing.T, users *mongo.Collection, names map[string]string) {
	t.Helper()
	for id, name := range names {
		doc := bson.D{{Key: "_id", Value: id}, {Key: "email", Value: id + "@exemple.fr"}, {Key: "name", Value: name},
			{Key: "locale", Value: "fr"}, {Key: "roles", Value: bson.A{"youth"}}}
		if _, err := users.InsertOne(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
	}
}

func setName(name string) bson.D {
	return bson.D{{Key: "$set", Value: bson.D{{Key: "name", Value: name}}}}
}

// Every kind of write forgets what it may have changed before it returns,
// so that the next read by _id sees it: by _id (alone, with conditions, or
// `$in`) only those documents, by any other filter the whole collection.
func TestTheDocumentCacheForgetsEveryWriteBeforeItReturns(t *testing.T) {
	db, users := cacheDB(t)
	ctx := context.Background()
	insertUsers(t, users, map[string]string{"a": "Ana", "b": "Bilal", "c": "Chloé"})
	hits := func() uint64 { return db.DocumentCacheStats().Hits }
	// warm reads every user twice, and tells which of them were kept.
	warm := func() map[string]bool {
		kept := map[string]bool{}
		for _, id := range []string{"a", "b", "c"} {
			before := hits()
			userName(t, db, id)
			kept[id] = hits() > before
			userName(t, db, id)
		}
		return kept
	}
	steps := []struct {
		name  string
		write func() error
		want  map[string]string // the names read next
		kept  map[string]bool   // the documents still kept after the write
	}{
		{"UpdateOne by _id", func() error {
			_, err := users.UpdateOne(ctx, bson.D{{Key: "_id", Value: "a"}}, setName("Ana 2"))
			return err
		}, map[string]string{"a": "Ana 2", "b": "Bilal"}, map[string]bool{"a": false, "b": true, "c": true}},
		{"conditional update by _id and other fields", func() error {
			_, err := users.UpdateOne(ctx, bson.D{{Key: "_id", Value: "b"}, {Key: "email", Value: "b@exemple.fr"}}, setName("Bilal 2"))
			return err
		}, map[string]string{"b": "Bilal 2", "a": "Ana 2"}, map[string]bool{"a": true, "b": false, "c": true}},
		{"UpdateMany by $in on _id", func() error {
			_, err := users.UpdateMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"a", "c"}}}}}, setName("Même"))
			return err
		}, map[string]string{"a": "Même", "c": "Même"}, map[string]bool{"a": false, "b": true, "c": false}},
		{"UpdateMany by another field", func() error {
			_, err := users.UpdateMany(ctx, bson.D{{Key: "name", Value: "Même"}}, setName("Autre"))
			return err
		}, map[string]string{"a": "Autre", "c": "Autre"}, map[string]bool{"a": false, "b": false, "c": false}},
		{"BulkWrite", func() error {
			_, err := users.BulkWrite(ctx, []mongo.WriteModel{
				mongo.NewUpdateOneModel().SetFilter(bson.D{{Key: "_id", Value: "a"}}).SetUpdate(setName("Ana 3")),
				mongo.NewReplaceOneModel().SetFilter(bson.D{{Key: "_id", Value: "c"}}).SetReplacement(
					bson.D{{Key: "email", Value: "c@exemple.fr"}, {Key: "name", Value: "Chloé 3"}}),
			})
			return err
		}, map[string]string{"a": "Ana 3", "c": "Chloé 3"}, map[string]bool{"a": false, "b": true, "c": false}},
		{"FindOneAndUpdate by _id", func() error {
			return users.FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: "b"}}, setName("Bilal 4")).Err()
		}, map[string]string{"b": "Bilal 4"}, map[string]bool{"a": true, "b": false, "c": true}},
		{"ReplaceOne upsert", func() error {
			_, err := users.ReplaceOne(ctx, bson.D{{Key: "_id", Value: "a"}},
				bson.D{{Key: "email", Value: "a@exemple.fr"}, {Key: "name", Value: "Ana 5"}}, options.Replace().SetUpsert(true))
			return err
		}, map[string]string{"a": "Ana 5"}, map[string]bool{"a": false, "b": true, "c": true}},
		{"DeleteMany by another field", func() error {
			_, err := users.DeleteMany(ctx, bson.D{{Key: "email", Value: "c@exemple.fr"}})
			return err
		}, map[string]string{"c": "", "a": "Ana 5"}, map[string]bool{"a": false, "b": false, "c": false}},
		{"insert after a read that missed", func() error {
			insertUsers(t, users, map[string]string{"c": "Chloé 6"})
			return nil
		}, map[string]string{"c": "Chloé 6"}, map[string]bool{"a": true, "b": true, "c": false}},
		{"FindOneAndDelete by _id", func() error {
			return users.FindOneAndDelete(ctx, bson.D{{Key: "_id", Value: "c"}}).Err()
		}, map[string]string{"c": ""}, map[string]bool{"a": true, "b": true, "c": false}},
	}
	for _, s := range steps {
		warm()
		if err := s.write(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		kept := map[string]bool{}
		for _, id := range []string{"a", "b", "c"} {
			before := hits()
			name := userName(t, db, id)
			kept[id] = hits() > before
			if want, ok := s.want[id]; ok && name != want {
				t.Errorf("after %s, %s reads %q, want %q", s.name, id, name, want)
			}
		}
		if fmt.Sprint(kept) != fmt.Sprint(s.kept) {
			t.Errorf("after %s, the documents kept are %v, want %v", s.name, kept, s.kept)
		}
	}
	if err := users.Drop(ctx); err != nil {
		t.Fatal(err)
	}
	if name := userName(t, db, "a"); name != "" {
		t.Errorf("after dropping the collection, a reads %q", name)
	}
}

// A read that starts after a write returned sees it, whatever the readers
// that race with the writers fill the cache with.
func TestADocumentReadAfterItsWriteSeesItUnderConcurrency(t *testing.T) {
	db, users := cacheDB(t)
	ctx := context.Background()
	const docs, writes = 4, 25
	initial := map[string]string{}
	for i := range docs {
		initial[fmt.Sprint("doc-", i)] = "0"
	}
	insertUsers(t, users, initial)
	stop := make(chan struct{})
	var readers, writers sync.WaitGroup
	for range 3 {
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				for id := range initial {
					if _, err := db.UserByID(ctx, id); err != nil {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	for id := range initial {
		writers.Go(func() {
			for k := 1; k <= writes; k++ {
				name := fmt.Sprint(k)
				if _, err := users.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, setName(name)); err != nil {
					t.Error(err)
					return
				}
				if u, err := db.UserByID(ctx, id); err != nil || u.Name != name {
					t.Errorf("%s read after its write %s: %+v, %v", id, name, u, err)
					return
				}
			}
		})
	}
	writers.Wait()
	close(stop)
	readers.Wait()
	if db.DocumentCacheStats().Hits == 0 {
		t.Errorf("the readers were never served from the cache: the test raced nothing")
	}
}

// A reader that read a document before a write and keeps it after the
// write ended does not keep it: the next read sees the write.
func TestAReadOverlappingAWriteKeepsNothingStale(t *testing.T) {
	db, users := cacheDB(t)
	ctx := context.Background()
	insertUsers(t, users, map[string]string{"overlap": "Avant"})
	db.WriteBeforeKeeping(func() {
		if _, err := users.UpdateOne(ctx, bson.D{{Key: "_id", Value: "overlap"}}, setName("Après")); err != nil {
			t.Error(err)
		}
	})
	if name := userName(t, db, "overlap"); name != "Avant" {
		t.Fatalf("the read that overlapped the write returns %q, the document it read", name)
	}
	if name := userName(t, db, "overlap"); name != "Après" {
		t.Errorf("the read after the write returns %q: the overlapping read kept what it read", name)
	}
}

// Another process sharing the database writes without this process's
// monitor: this process forgets the collection when it learns the write
// from the shared change versions, within store.SyncEvery.
func TestAnotherProcessWriteReachesTheDocumentCacheWithinTheBound(t *testing.T) {
	db, users := cacheDB(t)
	other := storetest.Shared(t, db)
	ctx := context.Background()
	if err := db.SyncChanges(ctx, monday); err != nil {
		t.Fatal(err)
	}
	insertUsers(t, users, map[string]string{"shared": "Avant"})
	userName(t, db, "shared")
	if _, err := other.Collection("users").UpdateOne(ctx, bson.D{{Key: "_id", Value: "shared"}}, setName("Après")); err != nil {
		t.Fatal(err)
	}
	if err := other.PublishChanges(ctx); err != nil {
		t.Fatal(err)
	}
	if name := userName(t, db, "shared"); name != "Avant" {
		t.Fatalf("read before any sync: %q; the cache did not keep the document", name)
	}
	if err := db.SyncChanges(ctx, monday.Add(store.SyncEvery)); err != nil {
		t.Fatal(err)
	}
	if name := userName(t, db, "shared"); name != "Après" {
		t.Errorf("the other process's write is not seen after the sync %s later: %q", store.SyncEvery, name)
	}
}

// The cache keeps its own copy of an id: a page's id is borrowed from the
// request (Fiber rewrites its bytes for the next one), and a kept key whose
// bytes changed would miss its document, or serve another under its id.
func TestTheDocumentCacheKeepsItsOwnCopyOfTheID(t *testing.T) {
	db, users := cacheDB(t)
	insertUsers(t, users, map[string]string{"user-a": "Ana"})
	buf := []byte("user-a")
	borrowed := unsafe.String(&buf[0], len(buf))
	userName(t, db, borrowed)
	copy(buf, "user-z") // the next request's bytes
	before := db.DocumentCacheStats().Hits
	if name := userName(t, db, "user-a"); name != "Ana" {
		t.Fatalf("user-a reads as %q", name)
	}
	if db.DocumentCacheStats().Hits == before {
		t.Errorf("user-a was not served from the cache after the bytes of the id it was read with changed")
	}
}

// A missing document is kept as missing (a youth without favourites reads
// their empty shelf on every page) until a write names it: an insert, one
// document or many, forgets the ids it inserts.
func TestAMissingDocumentIsKeptUntilItsInsert(t *testing.T) {
	db, users := cacheDB(t)
	ctx := context.Background()
	for i := range 2 {
		before := db.DocumentCacheStats().Hits
		if name := userName(t, db, "z"); name != "" {
			t.Fatalf("a missing user reads %q", name)
		}
		if hit := db.DocumentCacheStats().Hits > before; hit != (i == 1) {
			t.Fatalf("read %d of a missing user: hit %v", i+1, hit)
		}
	}
	docs := []any{bson.D{{Key: "_id", Value: "y"}, {Key: "name", Value: "Yann"}},
		bson.D{{Key: "_id", Value: "z"}, {Key: "name", Value: "Zoé"}}}
	if _, err := users.InsertMany(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if name := userName(t, db, "z"); name != "Zoé" {
		t.Errorf("after its insert, z reads %q", name)
	}
}
