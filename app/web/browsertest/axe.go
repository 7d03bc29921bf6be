package browsertest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axeFile is where .ci/install-deps puts axe-core, under the repository root.
const axeFile = ".cache/axe/node_modules/axe-core/axe.min.js"

// axeRun keeps the violations a user would be blocked by; the rest is noise
// for a test that must pass or fail.
const axeRun = `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))})))`

type violation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

func (v violation) String() string {
	return fmt.Sprintf("%s (%s): %s — %s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "))
}

// axeSource is read once per test binary: it weighs over half a megabyte.
var axeSource = sync.OnceValues(func() (string, error) {
	root, err := repositoryRoot()
	if err != nil {
		return "", err
	}
	src, err := os.ReadFile(filepath.Join(root, axeFile))
	if err != nil {
		return "", fmt.Errorf("browsertest: axe-core missing (%v): run .ci/install-deps", err)
	}
	return string(src), nil
})

// CheckAccessibility runs axe-core on the current page and fails on every
// serious or critical violation. The script goes through the DevTools
// protocol, which the page's Content-Security-Policy does not restrict.
func (b *Browser) CheckAccessibility() {
	b.t.Helper()
	src, err := axeSource()
	if err != nil {
		b.t.Fatal(err)
	}
	if !run(b, "look for axe", chromedp.Evaluate[bool](`typeof axe !== 'undefined'`)) {
		run(b, "inject axe-core", chromedp.Evaluate[*runtime.RemoteObject](src))
	}
	found := run(b, "run axe-core", chromedp.Evaluate[[]violation](axeRun, chromedp.EvalAwaitPromise))
	if len(found) == 0 {
		return
	}
	lines := make([]string, len(found))
	for i, v := range found {
		lines[i] = v.String()
	}
	b.t.Fatalf("browsertest: %s has serious accessibility violations:\n%s", b.URL(), bullets(lines))
}

// repositoryRoot is the nearest folder above the working directory holding
// go.mod, since tests run from their package's folder.
func repositoryRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("browsertest: go.mod not found above the working directory")
		}
		dir = parent
	}
}
