package mailtest

// Option configures a Server before it starts.
type Option func(*config)

type config struct {
	username, password string
	startTLS           bool
	implicitTLS        bool
}

// WithAuth requires AUTH PLAIN with these credentials before MAIL FROM. Like
// a real server, it offers AUTH only over TLS: combine with WithSTARTTLS or
// WithImplicitTLS.
func WithAuth(username, password string) Option {
	return func(c *config) { c.username, c.password = username, password }
}

// WithSTARTTLS offers STARTTLS with a self-signed certificate; see
// Server.ClientTLSConfig.
func WithSTARTTLS() Option {
	return func(c *config) { c.startTLS = true }
}

// WithImplicitTLS makes the server speak TLS from the first byte (SMTPS).
func WithImplicitTLS() Option {
	return func(c *config) { c.implicitTLS = true }
}
