package config

import (
	"fmt"
	"time"
)

// Publication is who publishes the site, as the legal notice and the
// accessibility statement must say: a public body's obligations (law of
// 21 June 2004 on the digital economy, article 47 of the law of 11 February
// 2005 and the RGAA).
type Publication struct {
	Publisher        string `toml:"publisher" check:"required"`
	PublisherAddress string `toml:"publisher_address" check:"required"`
	Director         string `toml:"director" check:"required"`
	ContactEmail     string `toml:"contact_email" check:"email"`
	Host             string `toml:"host" check:"required"`
	HostAddress      string `toml:"host_address" check:"required"`
	// AccessibilityStatus is the RGAA conformity declared: none, partial or
	// full. The RGAA rates conformity from an audit: without one, a site
	// declares itself « non conforme ».
	AccessibilityStatus        string `toml:"accessibility_status" check:"oneof=none partial full"`
	AccessibilityAuditDate     string `toml:"accessibility_audit_date" check:"optional_date"`
	AccessibilityStatementDate string `toml:"accessibility_statement_date" check:"date"`
}

// dateLayout is how the configuration writes a day.
const dateLayout = "2006-01-02"

func defaultPublication() Publication {
	const hotel = "Hôtel du Département, 2-16 boulevard Soufflot, 92015 Nanterre Cedex"
	return Publication{
		Publisher:                  "Département des Hauts-de-Seine",
		PublisherAddress:           hotel,
		Director:                   "Le président du conseil départemental des Hauts-de-Seine",
		ContactEmail:               "contact@passerelle92.fr",
		Host:                       "Département des Hauts-de-Seine",
		HostAddress:                hotel,
		AccessibilityStatus:        "none",
		AccessibilityStatementDate: "2026-12-05",
	}
}

func checkDate(s string) string {
	if _, err := time.Parse(dateLayout, s); err != nil {
		return fmt.Sprintf("date invalide %q (format AAAA-MM-JJ, par ex. \"2026-12-05\")", s)
	}
	return ""
}

// PublicationDay parses one of the publication's days (checked at load);
// the zero time for an empty one.
func PublicationDay(s string) time.Time {
	t, _ := time.Parse(dateLayout, s)
	return t
}
