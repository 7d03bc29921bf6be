package main

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"passerelle/jobs"
)

// bookingRepairGrace is how long a hold without its booking is left alone:
// far longer than the instant between taking the seats and saving the
// booking, so that a booking being made is never repaired under its feet.
const bookingRepairGrace = 5 * time.Minute

// seatsRepaired counts the holds the booking_repair job mended, in every
// process's /metrics.
var seatsRepaired = prometheus.NewCounter(prometheus.CounterOpts{Name: "passerelle_booking_repair_mended_total",
	Help: "Seat holds mended by the booking_repair job: seats held for bookings never saved, or by bookings that do not hold."})

// bookingRepairJob gives back seats that a crash left held without a
// booking: on its schedule, and once as soon as the process starts (a crash
// is what usually precedes a start).
func (m *Main) bookingRepairJob() jobs.Job {
	started, ran := time.Now(), atomic.Bool{}
	return jobs.Job{Name: "booking_repair",
		Run: func(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
			ran.Store(true)
			if opts.DryRun {
				return jobs.Report{Summary: "essai à blanc : aucune place n'est rendue"}, nil
			}
			n, err := m.Passerelle.RepairBookings(ctx, bookingRepairGrace)
			seatsRepaired.Add(float64(n))
			return jobs.Report{Items: n, Summary: fmt.Sprintf("%d réservations de places réparées", n)}, err
		},
		Next: func(context.Context, time.Time) (time.Time, bool, error) { return started, !ran.Load(), nil },
	}
}
