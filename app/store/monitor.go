package store

import (
	"context"
	"sync"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/event"

	"passerelle/app/roundtrip"
)

// writeCommands are the commands that change a collection, the collection
// named as their value.
var writeCommands = map[string]bool{"insert": true, "update": true, "delete": true, "findAndModify": true}

// pendingWrite is a write command under way: its collection changes when it
// ends, or, inside a transaction, when the transaction ends.
type pendingWrite struct {
	collection string
	session    string // the logical session of a transaction, "" outside one
	watched    bool   // the change feed follows the collection
	forget     forgetting
}

// monitor is the driver's command monitor: it counts each command in the
// counter of its context (a request's), and tells the changes which collections this
// process wrote, once the write is done (a reader that reloaded before it
// ended would keep the old data under the new stamp). The document cache
// forgets what a command wrote at the same moment, before the driver
// returns to the writer; inside a transaction (never on the embedded
// database, the only one with a cache), the whole collections at its end.
func (db *DB) monitor() *event.CommandMonitor {
	var pending sync.Map // request id → pendingWrite
	var txnMu sync.Mutex
	txnWrites := map[string][]pendingWrite{} // logical session → the writes of its transaction
	done := func(requestID int64, command string) {
		if w, ok := pending.LoadAndDelete(requestID); ok {
			w := w.(pendingWrite)
			if w.session == "" {
				db.docs.forgetNow(w.forget)
				if w.watched {
					db.changes.wrote(w.collection)
				}
				return
			}
			txnMu.Lock()
			txnWrites[w.session] = append(txnWrites[w.session], w)
			txnMu.Unlock()
		}
		if s, ok := pending.LoadAndDelete(-requestID); ok && (command == "commitTransaction" || command == "abortTransaction") {
			txnMu.Lock()
			written := txnWrites[s.(string)]
			delete(txnWrites, s.(string))
			txnMu.Unlock()
			for _, w := range written {
				if !w.forget.none() {
					db.docs.forgetNow(forgetting{collection: w.collection, whole: true, all: w.forget.all})
				}
				if w.watched {
					db.changes.wrote(w.collection)
				}
			}
		}
	}
	return &event.CommandMonitor{
		Started: func(ctx context.Context, e *event.CommandStartedEvent) {
			collection, _ := e.Command.Lookup(e.CommandName).StringValueOK()
			if r := roundtrip.From(ctx); r != nil {
				r.Add(e.CommandName, collection)
			}
			inTxn := e.Command.Lookup("autocommit").Type == bson.TypeBoolean
			var session string
			if inTxn {
				session = string(e.Command.Lookup("lsid", "id").Value)
			}
			watched := writeCommands[e.CommandName] && db.changes.watched(collection)
			forget := db.docs.forgetting(e.CommandName, collection, e.Command)
			switch {
			case watched || !forget.none():
				pending.Store(e.RequestID, pendingWrite{collection: collection, session: session, watched: watched,
					forget: forget})
			case e.CommandName == "commitTransaction" || e.CommandName == "abortTransaction":
				// Negative keys: the driver's request ids are positive.
				pending.Store(-e.RequestID, session)
			}
		},
		Succeeded: func(_ context.Context, e *event.CommandSucceededEvent) { done(e.RequestID, e.CommandName) },
		// A failed write may still have written part of its documents.
		Failed: func(_ context.Context, e *event.CommandFailedEvent) { done(e.RequestID, e.CommandName) },
	}
}
