package browsertest

import "github.com/chromedp/chromedp"

func (b *Browser) DebugWide() []string {
	b.step("phone viewport", phone.emulate(chromedp.EmulateMobile))
	return run(b, "debug", chromedp.Evaluate[[]string](`[...document.querySelectorAll('body *')].filter(el => !el.closest('.table-scroll') && el.getBoundingClientRect().right > 361).map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right) + ' ' + (el.textContent||'').slice(0,60))`))
}
