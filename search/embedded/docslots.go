package embedded

import (
	"slices"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
)

// docSlots maps the document numbers of an index snapshot to the slots of
// their offers' facts. Reading each match's ID from Bleve (its stored _id,
// decompressed) and looking it up by string was a quarter of a full query's
// time at 100 000 offers. A document's number is its place in the
// snapshot's segments, which never change once written: the mapping, filled
// as searches meet documents, serves every search until a write or a merge
// brings other segments.
type docSlots struct {
	segments []uint64       // the IDs of the snapshot's segments, in order
	slots    []atomic.Int32 // by document number: 0 when not yet met, else slot+1
}

func newDocSlots(snapshot *scorch.IndexSnapshot) *docSlots {
	d := &docSlots{}
	var docs uint64
	for _, s := range snapshot.Segments() {
		d.segments = append(d.segments, s.Id())
		docs += s.Segment().Count() // deleted documents keep their numbers
	}
	d.slots = make([]atomic.Int32, docs)
	return d
}

func (d *docSlots) of(snapshot *scorch.IndexSnapshot) bool {
	return slices.EqualFunc(d.segments, snapshot.Segments(), func(id uint64, s *scorch.SegmentSnapshot) bool {
		return id == s.Id()
	})
}

// slotsIn returns how a search on reader finds the fact slot of a match: -1
// when its offer has none yet (indexed a moment ago). The caller holds the
// read lock.
func (s *factStore) slotsIn(reader index.IndexReader) func(index.IndexInternalID) (int32, error) {
	byID := func(doc index.IndexInternalID) (int32, error) {
		id, err := reader.ExternalID(doc)
		if err != nil {
			return -1, err
		}
		if slot, ok := s.slots[id]; ok {
			return slot, nil
		}
		return -1, nil
	}
	snapshot, ok := reader.(*scorch.IndexSnapshot)
	if !ok {
		return byID
	}
	docs := s.docs.Load()
	if docs == nil || !docs.of(snapshot) {
		docs = newDocSlots(snapshot)
		s.docs.Store(docs) // concurrent searches of another snapshot may replace it: each keeps its own
	}
	return func(doc index.IndexInternalID) (int32, error) {
		n := doc.Value()
		if n >= uint64(len(docs.slots)) {
			return byID(doc)
		}
		if slot := docs.slots[n].Load(); slot > 0 {
			return slot - 1, nil
		}
		slot, err := byID(doc)
		if slot >= 0 {
			docs.slots[n].Store(slot + 1)
		}
		return slot, err
	}
}
