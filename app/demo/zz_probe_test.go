package demo

import (
	"fmt"
	"testing"
	"time"
)

func TestZZProbe(t *testing.T) {
	d := Generate(time.Now())
	by := map[string]int{}
	for _, a := range d.Applications {
		by[string(a.Status)]++
	}
	bs := map[string]int{}
	for _, b := range d.Bookings {
		bs[string(b.Status)]++
	}
	fmt.Println(len(d.Applications), by, len(d.Bookings), bs, len(d.Grants), len(d.Reviews), len(d.Users))
}
