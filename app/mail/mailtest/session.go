package mailtest

import (
	"fmt"
	"io"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// session is one SMTP transaction, recorded when DATA ends.
type session struct {
	server   *Server
	conn     *smtp.Conn
	authUser string
	mailFrom string
	rcptTo   []string
}

var _ smtp.AuthSession = (*session)(nil)

func (s *Server) newSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{server: s, conn: c}, nil
}

func (s *session) AuthMechanisms() []string {
	if s.server.cfg.username == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		cfg := s.server.cfg
		if username != cfg.username || password != cfg.password {
			return smtp.ErrAuthFailed
		}
		s.authUser = username
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	if s.server.cfg.username != "" && s.authUser == "" {
		return smtp.ErrAuthRequired
	}
	s.mailFrom = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.rcptTo = append(s.rcptTo, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := s.server.takeFailure(); err != nil {
		return err
	}
	received, err := Parse(raw)
	if err != nil {
		// A message the parser refuses is a bug in the sender under test:
		// reject it loudly rather than record half of it.
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: fmt.Sprint(err)}
	}
	received.MailFrom, received.RcptTo, received.AuthUser = s.mailFrom, s.rcptTo, s.authUser
	_, received.TLS = s.conn.TLSConnectionState()
	s.server.record(received)
	return nil
}

func (s *session) Reset() {
	s.mailFrom, s.rcptTo = "", nil
}

func (s *session) Logout() error { return nil }
