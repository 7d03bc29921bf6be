package config

// validate checks every key against its rule, then the rules that tie keys
// together. A problem names where the value was set, when it was.
func (l *loader) validate() {
	for _, f := range fields {
		if f.check == "" {
			continue
		}
		name, arg := splitRule(f.check)
		if reason := checks[name](f.value(l.cfg), arg); reason != "" {
			l.add(f.name(), l.origins[f.name()], f.label(), reason)
		}
	}
	if s := l.cfg.Server; (s.TLSCertFile == "") != (s.TLSKeyFile == "") {
		l.add("server.tls_key_file", "[server] tls_cert_file et tls_key_file",
			"renseignez les deux pour servir en HTTPS, ou aucun")
	}
	if m := l.cfg.Matching; m.WeightDistance+m.WeightInterest+m.WeightType+m.WeightLevel+m.WeightESS+m.WeightFreshness == 0 {
		l.add("matching.weight_distance", "[matching] weight_*", "au moins un poids doit être positif")
	}
	if p := l.cfg.Publication; p.AccessibilityStatus != "none" && p.AccessibilityAuditDate == "" {
		l.add("publication.accessibility_status", "[publication] accessibility_status",
			"« partial » ou « full » (partiellement ou totalement conforme) ne se déclare qu'après un audit : "+
				"renseignez accessibility_audit_date")
	}
}
