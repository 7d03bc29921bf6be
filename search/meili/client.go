package meili

import (
	"context"
	"net"
	"net/http"
	"time"
)

// newHTTPClient returns a keep-alive client that does not wait on
// Meilisearch's Nagle: Meilisearch writes a response in several segments
// and leaves Nagle on, so on a kept-alive connection the last segment waits
// for the client's delayed ACK (~40 ms a search). Connections here ACK at
// once (see withQuickAck).
func newHTTPClient() *http.Client {
	dialer := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return withQuickAck(conn), nil
		},
		DisableKeepAlives: !quickAckSupported,
		// A page of hits is a few dozen kilobytes on a local network:
		// gzip costs both sides more CPU than it saves in transfer.
		DisableCompression:  true,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 100,
		IdleConnTimeout:     90 * time.Second,
	}
	return &http.Client{Transport: transport, Timeout: 30 * time.Second}
}
