package store_test

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkShelfDocument measures what a shelf document of a given size
// costs to shelve into (one item set) and to read, to choose shelfChunk.
func BenchmarkShelfDocument(b *testing.B) {
	ctx := context.Background()
	for _, size := range []int{10, 50, 100, 200, 500, 2000} {
		id := newID(fmt.Sprint("bench-shelf-", size))
		if err := testDB.ShelfDocumentWrite(ctx, id, size, 0); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("set/items=%d", size), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				if err := testDB.ShelfDocumentWrite(ctx, id, 0, i%size); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("read/items=%d", size), func(b *testing.B) {
			for b.Loop() {
				if err := testDB.ShelfDocumentRead(ctx, id); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
