package observatory

import (
	"testing"

	"passerelle/app/demo"
	"passerelle/app/domain"
)

// BenchmarkCompute computes the figures of the demo data at scale 20 (about
// the département's whole life): what a reload of the read model costs in CPU.
func BenchmarkCompute(b *testing.B) {
	d := demo.GenerateScaled(testNow, 20)
	f := domain.ObservatoryFacts{Offers: d.Offers, Sessions: d.Sessions, Bookings: d.Bookings,
		Applications: d.Applications, Calls: d.Calls, Grants: d.Grants}
	b.Logf("%d offers, %d sessions, %d bookings, %d applications, %d files", len(f.Offers), len(f.Sessions),
		len(f.Bookings), len(f.Applications), len(f.Grants))
	for b.Loop() {
		Compute(f, testNow)
	}
}
