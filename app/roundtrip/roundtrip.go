// Package roundtrip counts the database commands run for one request: each
// is a round trip to the server (on the embedded database, one that queues
// behind the single connection), so it is what a page's database budget is
// made of. The store's command monitor counts into the counter of the
// operation's context; the web server puts one in each request's context.
package roundtrip

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
)

// Counter counts the commands of one request.
type Counter struct {
	n        atomic.Int64
	mu       sync.Mutex
	commands map[string]int // "find offers" → how many, for the debug log
}

type key struct{}

// With returns a context whose database commands are counted in the
// returned counter.
func With(ctx context.Context) (context.Context, *Counter) {
	c := &Counter{commands: map[string]int{}}
	return context.WithValue(ctx, key{}, c), c
}

// From is the counter of ctx, or nil.
func From(ctx context.Context) *Counter {
	c, _ := ctx.Value(key{}).(*Counter)
	return c
}

// Add counts one command on collection ("" for commands on none).
func (c *Counter) Add(command, collection string) {
	c.n.Add(1)
	if collection != "" {
		command += " " + collection
	}
	c.mu.Lock()
	c.commands[command]++
	c.mu.Unlock()
}

// Count is the number of commands run so far.
func (c *Counter) Count() int { return int(c.n.Load()) }

// Commands lists the commands run so far, as "find offers ×2", sorted.
func (c *Counter) Commands() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	list := make([]string, 0, len(c.commands))
	for _, k := range slices.Sorted(maps.Keys(c.commands)) {
		if n := c.commands[k]; n > 1 {
			k += " ×" + strconv.Itoa(n)
		}
		list = append(list, k)
	}
	return list
}
