package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"strings"

	"passerelle/app/domain"
)

// Unsubscribe links carry a token, "<address>.<signature>" in base64url: the
// address, and an HMAC of it with the configured secret. It never expires,
// as RFC 8058 expects of a List-Unsubscribe link, and it gives access to the
// preferences of that address only. Being secret to the recipient, it also
// protects the preference forms against cross-site requests.

// signatureBytes keeps links short: 128 bits of HMAC-SHA256 are plenty.
const signatureBytes = 16

var b64 = base64.RawURLEncoding

func (s *Service) token(email string) string {
	return b64.EncodeToString([]byte(email)) + "." + b64.EncodeToString(s.sign(email))
}

func (s *Service) sign(email string) []byte {
	mac := hmac.New(sha256.New, s.cfg.Secret)
	mac.Write([]byte("unsubscribe:" + email))
	return mac.Sum(nil)[:signatureBytes]
}

// emailOf checks a token and returns its address.
func (s *Service) emailOf(token string) (string, error) {
	invalid := &domain.Error{Code: domain.ENOTFOUND, Message: "error.preferences.link_invalid"}
	encoded, sig, ok := strings.Cut(token, ".")
	if !ok {
		return "", invalid
	}
	email, err1 := b64.DecodeString(encoded)
	mac, err2 := b64.DecodeString(sig)
	if err1 != nil || err2 != nil || !hmac.Equal(mac, s.sign(string(email))) {
		return "", invalid
	}
	return string(email), nil
}

// PreferencesPath is the path of the preferences page of a token.
func PreferencesPath(token string) string { return "/e-mails/" + token }

// UnsubscribePath is the path of the one-click unsubscribe of a token.
func UnsubscribePath(token string) string { return PreferencesPath(token) + "/desabonnement" }

func (s *Service) preferencesURL(email string) string {
	return strings.TrimSuffix(s.cfg.BaseURL, "/") + PreferencesPath(s.token(email))
}

func (s *Service) unsubscribeURL(email string, topic domain.Topic) string {
	return strings.TrimSuffix(s.cfg.BaseURL, "/") + UnsubscribePath(s.token(email)) + "?sujet=" + string(topic)
}

// unsubscribeHeaders are RFC 2369's List-Unsubscribe with RFC 8058's
// one-click POST, for emails one may unsubscribe from.
func (s *Service) unsubscribeHeaders(email string, topic domain.Topic) map[string]string {
	if topic == "" {
		return nil
	}
	links := "<" + s.unsubscribeURL(email, topic) + ">"
	if s.cfg.UnsubscribeMailto != "" {
		subject := url.PathEscape("desabonnement " + string(topic) + " " + s.token(email))
		links = "<mailto:" + s.cfg.UnsubscribeMailto + "?subject=" + subject + ">, " + links
	}
	return map[string]string{"List-Unsubscribe": links, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
}
