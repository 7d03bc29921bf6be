package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are exported in the Prometheus text format at /metrics.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	trips    *prometheus.HistogramVec
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "passerelle_http_requests_total", Help: "HTTP requests by method, route and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "passerelle_http_request_duration_seconds", Help: "HTTP request duration by route.",
			Buckets: prometheus.DefBuckets,
		}, []string{"method", "route"}),
		// A page's database budget: each command queues behind the embedded
		// database's single connection, so it is what a crowd waits for.
		trips: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "passerelle_http_request_db_round_trips", Help: "Database commands per HTTP request, by route.",
			Buckets: []float64{0, 1, 2, 3, 5, 8, 13, 21},
		}, []string{"method", "route"}),
	}
	m.registry.MustRegister(m.requests, m.duration, m.trips,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Registry lets other parts (jobs) export their own metrics beside the server's.
func (s *Server) Registry() *prometheus.Registry { return s.metrics.registry }

// observe counts a request. The registry keeps its label values for good,
// while Fiber's strings point into buffers that the next request on the
// connection overwrites: the labels are copied.
func (m *metrics) observe(method, route string, status int, elapsed time.Duration, trips int) {
	method, route = strings.Clone(method), strings.Clone(route)
	m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(method, route).Observe(elapsed.Seconds())
	m.trips.WithLabelValues(method, route).Observe(float64(trips))
}

func (m *metrics) handler() fiber.Handler {
	return adaptor.HTTPHandler(promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
}
