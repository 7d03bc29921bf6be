package web

import (
	"net/url"
	"strconv"
)

// values encodes the form as a query string, leaving defaults out so that
// shared links stay short.
func (f searchForm) values() url.Values {
	v := url.Values{}
	set := func(name, value string) {
		if value != "" && value != "0" {
			v.Set(name, value)
		}
	}
	set("q", f.Text)
	v["type"], v["tension"], v["commune"] = f.Types, f.Tensions, f.Communes
	set("ess", flag(f.ESS))
	set("accessible", flag(f.Accessible))
	set("age", strconv.Itoa(f.Age))
	set("near", f.Near)
	set("radius", strconv.Itoa(f.Radius))
	set("sort", f.Sort)
	set("page", strconv.Itoa(f.Page))
	for name, list := range v {
		if len(list) == 0 {
			delete(v, name)
		}
	}
	return v
}

func flag(on bool) string {
	if on {
		return "1"
	}
	return ""
}

// url is the page's link for the form at a given page.
func (f searchForm) url(page int) string {
	f.Page = page
	if page == 1 {
		f.Page = 0
	}
	if q := f.values().Encode(); q != "" {
		return "/offres?" + q
	}
	return "/offres"
}
