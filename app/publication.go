package main

import (
	"passerelle/app/config"
	"passerelle/app/web"
)

// publication is what the legal notice, the accessibility statement and the
// footer say of the site's publisher, from the configuration.
func publication(p config.Publication) web.Publication {
	return web.Publication{Publisher: p.Publisher, PublisherAddress: p.PublisherAddress, Director: p.Director,
		ContactEmail: p.ContactEmail, Host: p.Host, HostAddress: p.HostAddress,
		AccessibilityStatus: p.AccessibilityStatus, AuditDate: config.PublicationDay(p.AccessibilityAuditDate),
		StatementDate: config.PublicationDay(p.AccessibilityStatementDate)}
}
