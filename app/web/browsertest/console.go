package browsertest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chromedp/chromedp"
)

// syncMarker prefixes the console.debug messages the harness writes itself:
// the console keeps its order, so once a marker is read back, every message
// the page wrote before it has been read too.
const syncMarker = "browsertest:sync:"

// consoleWatch collects the page's console errors and uncaught exceptions.
type consoleWatch struct {
	mu       sync.Mutex
	problems []string
	allowed  []string
	markers  chan string
	next     atomic.Int64
}

func watchConsole(ctx context.Context) *consoleWatch {
	w := &consoleWatch{markers: make(chan string)}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			w.receive(ctx, m)
		}
	}()
	return w
}

func (w *consoleWatch) receive(ctx context.Context, m chromedp.ConsoleMessage) {
	if m.Type == chromedp.ConsoleDebug && strings.HasPrefix(m.Text, syncMarker) {
		select {
		case w.markers <- m.Text:
		case <-ctx.Done():
		}
		return
	}
	if m.Type != chromedp.ConsoleError && !m.IsException() {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, allowed := range w.allowed {
		if strings.Contains(m.Text, allowed) {
			return
		}
	}
	w.problems = append(w.problems, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
}

// sync waits until every message written so far has been collected.
func (w *consoleWatch) sync(ctx context.Context, timeout time.Duration) error {
	marker := fmt.Sprintf("%s%d", syncMarker, w.next.Add(1))
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf("console.debug(%q)", marker))); err != nil {
		return err
	}
	for {
		select {
		case got := <-w.markers:
			if got == marker {
				return nil
			}
		case <-ctx.Done():
			return fmt.Errorf("console marker not read back: %w", ctx.Err())
		}
	}
}

// allow tolerates console errors containing text until the next take, for a
// page expected to answer an error status.
func (w *consoleWatch) allow(text string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.allowed = append(w.allowed, text)
}

func (w *consoleWatch) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	problems := w.problems
	w.problems, w.allowed = nil, nil
	return problems
}

func bullets(lines []string) string {
	return "  - " + strings.Join(lines, "\n  - ")
}
