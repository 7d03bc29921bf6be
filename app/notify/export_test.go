package notify

// SetBeforeCommit makes s call f with each notification's key just before
// it commits the send: the crash test stops a delivery there.
func SetBeforeCommit(s *Service, f func(key string)) { s.beforeCommit = f }
