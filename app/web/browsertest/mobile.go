package browsertest

import (
	"fmt"

	"github.com/chromedp/chromedp"
)

type viewport struct{ width, height int }

func (v viewport) emulate(opts ...chromedp.EmulateViewportOption) chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(int64(v.width), int64(v.height), opts...)
}

var (
	desktop = viewport{1280, 800}
	phone   = viewport{360, 740}
)

// overflowScript measures the page at the phone's width and names the
// elements reaching furthest right, which are the ones to fix.
const overflowScript = `(() => {
  const limit = %d;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    [...el.classList].map(c => '.' + c).join('');
  const culprits = [...document.querySelectorAll('body *')]
    .map(el => ({el, right: el.getBoundingClientRect().right}))
    .filter(x => x.right > limit + 0.5)
    .sort((a, b) => b.right - a.right).slice(0, 5)
    .map(x => name(x.el) + ' reaches ' + Math.round(x.right) + 'px');
  const header = document.querySelector('.site-header');
  return {width: document.documentElement.scrollWidth, culprits,
    header: header ? Math.round(header.getBoundingClientRect().height) : 0};
})()`

type overflow struct {
	Width    int      `json:"width"`
	Culprits []string `json:"culprits"`
	Header   int      `json:"header"` // the site header's height
}

// CheckMobile lays the page out on a 360×740 phone and fails if it scrolls
// sideways or if the header takes a third of the screen; the desktop size
// comes back afterwards.
func (b *Browser) CheckMobile() {
	b.t.Helper()
	b.step("phone viewport", phone.emulate(chromedp.EmulateMobile))
	o := run(b, "measure width", chromedp.Evaluate[overflow](fmt.Sprintf(overflowScript, phone.width)))
	b.step("desktop viewport", b.viewport.emulate())
	if o.Width > phone.width {
		b.t.Fatalf("browsertest: %s is %dpx wide on a %dpx phone (horizontal scroll); widest elements:\n%s",
			b.URL(), o.Width, phone.width, bullets(o.Culprits))
	}
	if o.Header*3 >= phone.height {
		b.t.Fatalf("browsertest: %s has a %dpx header on a %dpx-high phone (a third of the screen or more)", b.URL(), o.Header, phone.height)
	}
}

// CheckPage runs the checks every page of the platform must pass: axe-core,
// then the phone width.
func (b *Browser) CheckPage() {
	b.t.Helper()
	b.CheckAccessibility()
	b.CheckMobile()
}
