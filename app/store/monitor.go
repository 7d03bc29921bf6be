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
}

// monitor is the driver's command monitor: it counts each command in the
// counter of its context (a request's), and tells the changes which collections this
// process wrote, once the write is done (a reader that reloaded before it
// ended would keep the old data under the new stamp).
func (db *DB) monitor() *event.CommandMonitor {
	var pending sync.Map // request id → pendingWrite
	var txnMu sync.Mutex
	txnWrites := map[string][]string{} // logical session → collections written in its transaction
	done := func(requestID int64, command string) {
		if w, ok := pending.LoadAndDelete(requestID); ok {
			w := w.(pendingWrite)
			if w.session == "" {
				db.changes.wrote(w.collection)
				return
			}
			txnMu.Lock()
			txnWrites[w.session] = append(txnWrites[w.session], w.collection)
			txnMu.Unlock()
		}
		if s, ok := pending.LoadAndDelete(-requestID); ok && (command == "commitTransaction" || command == "abortTransaction") {
			txnMu.Lock()
			written := txnWrites[s.(string)]
			delete(txnWrites, s.(string))
			txnMu.Unlock()
			db.changes.wrote(written...)
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
			switch {
			case writeCommands[e.CommandName] && db.changes.watched(collection):
				pending.Store(e.RequestID, pendingWrite{collection: collection, session: session})
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
