package passerelle_test

import (
	"reflect"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

func TestSearchFormReadsBackItsCanonicalQuery(t *testing.T) {
	f, err := passerelle.ParseSearchForm("type=job&q=+boulanger+&type=apprenticeship&type=job&near=92050&radius=10&page=3&ess=1&foo=bar")
	if err != nil {
		t.Fatal(err)
	}
	canonical := f.Canonical()
	if want := "ess=1&near=92050&q=boulanger&radius=10&type=apprenticeship&type=job"; canonical != want {
		t.Fatalf("canonical %q, want %q", canonical, want)
	}
	back, err := passerelle.ParseSearchForm(canonical)
	if err != nil || back.Text != "boulanger" || !reflect.DeepEqual(back.Types, []string{"apprenticeship", "job"}) ||
		back.Near != "92050" || back.Radius != 10 || !back.ESS || back.Page != 0 {
		t.Fatalf("read back %+v, %v", back, err)
	}
	if _, err := back.Query(20); err != nil {
		t.Fatal(err)
	}
	if _, err := passerelle.ParseSearchForm("age=dix-sept"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a word for an age: %v", err)
	}
}

// FuzzSearchForm: whatever the query string, the parser does not panic, and
// the canonical form of what it read reads back to the same canonical form.
func FuzzSearchForm(f *testing.F) {
	for _, seed := range []string{"", "q=boulanger&near=92050&radius=10", "type=job&type=job&tension=informatique",
		"q=%zz&age=17", "ess=1&accessible=on&sort=distance&page=2", "q=caf%C3%A9+cr%C3%A8me&commune=92002&commune=92002",
		"radius=-5&age=999", "q=a;b&near="} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		form, err := passerelle.ParseSearchForm(raw)
		if err != nil {
			return
		}
		canonical := form.Canonical()
		back, err := passerelle.ParseSearchForm(canonical)
		if err != nil {
			t.Fatalf("%q: canonical %q does not read back: %v", raw, canonical, err)
		}
		if again := back.Canonical(); again != canonical {
			t.Fatalf("%q: canonical %q reads back as %q", raw, canonical, again)
		}
		_, _ = back.Query(20) // may refuse, must not panic
	})
}
