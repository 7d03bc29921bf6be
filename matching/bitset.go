package matching

// bitset is a set of small non-negative integers (interned keys).
type bitset []uint64

func newBitset(size int) bitset { return make(bitset, (size+63)/64) }

func (b bitset) set(i int32) { b[i/64] |= 1 << (i % 64) }

func (b bitset) has(i int32) bool { return b[i/64]&(1<<(i%64)) != 0 }

func (b bitset) intersects(other bitset) bool {
	for i, word := range b {
		if word&other[i] != 0 {
			return true
		}
	}
	return false
}

func (b bitset) clear() { clear(b) }

// interner numbers strings in order of first appearance.
type interner map[string]int32

func (in interner) id(key string) int32 {
	if id, ok := in[key]; ok {
		return id
	}
	id := int32(len(in))
	in[key] = id
	return id
}

// setOf returns the set of known keys among keys; unknown keys are ignored
// since no offer can match them.
func (in interner) setOf(keys []string, into bitset) bitset {
	into.clear()
	for _, key := range keys {
		if id, ok := in[key]; ok {
			into.set(id)
		}
	}
	return into
}
