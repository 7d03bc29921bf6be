package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

// detectTransactions asks the server whether it runs as a replica set or
// behind a mongos, where multi-document transactions exist. FerretDB and a
// standalone MongoDB answer neither.
func (db *DB) detectTransactions(ctx context.Context) error {
	var hello struct {
		SetName string `bson:"setName"`
		Msg     string `bson:"msg"`
	}
	if err := db.db.RunCommand(ctx, bson.D{{Key: "hello", Value: 1}}).Decode(&hello); err != nil {
		return mapError(err)
	}
	db.transactions = hello.SetName != "" || hello.Msg == "isdbgrid"
	return nil
}

// Transactions reports whether Atomically runs its writes in one transaction.
func (db *DB) Transactions() bool { return db.transactions }

// Atomically runs fn in one transaction where the server has them, so that
// its writes happen all or none even if the process dies midway; elsewhere
// fn runs as is and the writes it makes must be mended by a job after a
// crash. fn may run more than once (a transaction is retried on a transient
// error) and must use the context it is given.
func (db *DB) Atomically(ctx context.Context, fn func(ctx context.Context) error) error {
	if !db.transactions {
		return fn(ctx)
	}
	session, err := db.client.StartSession()
	if err != nil {
		return mapError(err)
	}
	defer session.EndSession(context.WithoutCancel(ctx))
	_, err = session.WithTransaction(ctx, func(sc mongo.SessionContext) (any, error) { return nil, fn(sc) })
	return err
}
