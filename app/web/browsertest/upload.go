package browsertest

import "github.com/chromedp/chromedp"

// Upload gives a file input the files at paths, as a person picking them
// would; submit the form afterwards.
func (b *Browser) Upload(selector string, paths ...string) {
	b.t.Helper()
	b.step("upload to "+selector, chromedp.SetUploadFiles(chromedp.CSS(selector), paths, chromedp.NodeVisible))
}
