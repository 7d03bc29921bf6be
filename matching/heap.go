package matching

// A small typed binary heap: the element for which before is true goes up.
type heapItem[T any] interface{ before(T) bool }

func siftUp[T heapItem[T]](h []T, i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !h[i].before(h[parent]) {
			return
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

func siftDown[T heapItem[T]](h []T, i int) {
	for {
		first, left := i, 2*i+1
		if left < len(h) && h[left].before(h[first]) {
			first = left
		}
		if right := left + 1; right < len(h) && h[right].before(h[first]) {
			first = right
		}
		if first == i {
			return
		}
		h[i], h[first] = h[first], h[i]
		i = first
	}
}

func heapify[T heapItem[T]](h []T) {
	for i := len(h)/2 - 1; i >= 0; i-- {
		siftDown(h, i)
	}
}

func popHeap[T heapItem[T]](h []T) (T, []T) {
	top, last := h[0], len(h)-1
	h[0] = h[last]
	h = h[:last]
	siftDown(h, 0)
	return top, h
}

// bound is the best possible score of a group of offers; the highest comes
// out first.
type bound struct {
	score float64
	node  int32
}

func (b bound) before(other bound) bool { return b.score > other.score }

type boundHeap []bound

func (h *boundHeap) init() { heapify(*h) }

func (h *boundHeap) pop() bound {
	top, rest := popHeap(*h)
	*h = rest
	return top
}

// hit is a scored offer; the heap keeps the k best with the worst on top.
type hit struct {
	score float64
	rank  int32 // offer ID order: the smaller wins a tie
	offer int32
}

// before reports whether h ranks below other.
func (h hit) before(other hit) bool {
	return h.score < other.score || (h.score == other.score && h.rank > other.rank)
}

type hitHeap []hit

// offer keeps h if it is among the k best seen so far.
func (best *hitHeap) offer(h hit, k int) {
	switch {
	case len(*best) < k:
		*best = append(*best, h)
		siftUp(*best, len(*best)-1)
	case (*best)[0].before(h):
		(*best)[0] = h
		siftDown(*best, 0)
	}
}

// drain empties the heap into a new slice, best first.
func (best *hitHeap) drain() []hit {
	out := make([]hit, len(*best))
	for i := len(out) - 1; i >= 0; i-- {
		out[i], *best = popHeap(*best)
	}
	return out
}
