// Package config loads the platform's configuration: config.toml, then
// PASSERELLE_<SECTION>_<KEY> environment overrides, validated as a whole.
//
// Every key is declared once, as a tagged field below: `toml` names the key
// (its section is the enclosing field's tag) and `check` lists the rules of
// checks.go. Adding a key is adding a field, its default and its line in
// config.toml.
package config

import "time"

// Config is the whole configuration of one process.
type Config struct {
	Server       Server       `toml:"server"`
	Log          Log          `toml:"log"`
	MongoDB      MongoDB      `toml:"mongodb"`
	Search       Search       `toml:"search"`
	Mail         Mail         `toml:"mail"`
	Demo         Demo         `toml:"demo"`
	Security     Security     `toml:"security"`
	Applications Applications `toml:"applications"`
	Jobs         Jobs         `toml:"jobs"`
	Matching     Matching     `toml:"matching"`
	Retention    Retention    `toml:"retention"`
	Publication  Publication  `toml:"publication"`
}

// Server is the HTTP server and the data folder.
type Server struct {
	Host            string        `toml:"host"`
	Port            int           `toml:"port" check:"range=1..65535"`
	BaseURL         string        `toml:"base_url" check:"http_url"`
	DataDir         string        `toml:"data_dir" check:"required"`
	ShutdownTimeout time.Duration `toml:"shutdown_timeout" check:"positive"`
	TrustedProxies  []string      `toml:"trusted_proxies" check:"ips"`
	TLSCertFile     string        `toml:"tls_cert_file" check:"file"`
	TLSKeyFile      string        `toml:"tls_key_file" check:"file"`
	CookieSecure    AutoBool      `toml:"cookie_secure"`
}

// Log is the structured logger.
type Log struct {
	Level  string `toml:"level" check:"oneof=debug info warn error"`
	Format string `toml:"format" check:"oneof=text json"`
}

// MongoDB is the database; an empty URI selects the embedded FerretDB.
type MongoDB struct {
	URI            string        `toml:"uri" check:"mongodb_uri"`
	Database       string        `toml:"database" check:"required"`
	ConnectTimeout time.Duration `toml:"connect_timeout" check:"positive"`
	// CachedDocuments bounds the embedded database's cache of documents read by _id.
	CachedDocuments int `toml:"cached_documents" check:"range=1..10000000"`
}

// Search is the search engine; an empty URL selects the embedded engine.
type Search struct {
	MeilisearchURL string `toml:"meilisearch_url" check:"optional_http_url"`
	MeilisearchKey string `toml:"meilisearch_key"`
	Index          string `toml:"index" check:"required"`
}

// Mail is outgoing email; an empty SMTP host selects the outbox folder.
type Mail struct {
	SMTPHost     string        `toml:"smtp_host"`
	SMTPPort     int           `toml:"smtp_port" check:"range=1..65535"`
	SMTPUsername string        `toml:"smtp_username"`
	SMTPPassword string        `toml:"smtp_password"`
	SMTPTLS      string        `toml:"smtp_tls" check:"oneof=none starttls tls"`
	From         string        `toml:"from" check:"email"`
	Timeout      time.Duration `toml:"timeout" check:"positive"`
	SendRate     float64       `toml:"send_rate" check:"positive"`
	MaxAttempts  int           `toml:"max_attempts" check:"range=1..100"`
	// UnsubscribeAddress is offered as List-Unsubscribe's mailto: only set
	// it to a mailbox whose requests someone processes.
	UnsubscribeAddress string `toml:"unsubscribe_address" check:"optional_email"`
}

// Demo is the demonstration data set.
type Demo struct {
	SeedOnFirstStart bool `toml:"seed_on_first_start"`
}

// Security holds password hashing, sessions and login throttling.
type Security struct {
	Argon2Time         int           `toml:"argon2_time" check:"range=1..100"`
	Argon2MemoryKiB    int           `toml:"argon2_memory_kib" check:"range=8..4194304"`
	Argon2Threads      int           `toml:"argon2_threads" check:"range=1..255"`
	SessionTTL         time.Duration `toml:"session_ttl" check:"positive"`
	MagicLinkTTL       time.Duration `toml:"magic_link_ttl" check:"positive"`
	LoginRatePerMinute int           `toml:"login_rate_per_minute" check:"range=1..10000"`
	// Secret signs the links of emails (unsubscribe, preferences); empty:
	// a random key generated once and kept in the database, shared by replicas.
	Secret string `toml:"secret"`
}

// Applications holds the delays of youths' applications to offers.
type Applications struct {
	ExpiryDelay time.Duration `toml:"expiry_delay" check:"positive"`
	Extension   time.Duration `toml:"extension" check:"positive"`
}

// Jobs holds one cron expression per scheduled job ("" disables it) and the
// lease that keeps a run unique across replicas.
type Jobs struct {
	YouthDigest           string        `toml:"youth_digest" check:"cron"`
	CounsellorDigest      string        `toml:"counsellor_digest" check:"cron"`
	EmployerDigest        string        `toml:"employer_digest" check:"cron"`
	VisitReminders        string        `toml:"visit_reminders" check:"cron"`
	EventReminders        string        `toml:"event_reminders" check:"cron"`
	ApplicationExpiry     string        `toml:"application_expiry" check:"cron"`
	ProgressReminders     string        `toml:"progress_reminders" check:"cron"`
	ReviewerReminders     string        `toml:"reviewer_reminders" check:"cron"`
	StaffSummary          string        `toml:"staff_summary" check:"cron"`
	Retention             string        `toml:"retention" check:"cron"`
	SearchReconcile       string        `toml:"search_reconcile" check:"cron"`
	SearchRetry           string        `toml:"search_retry" check:"cron"`
	NotificationsDelivery string        `toml:"notifications_delivery" check:"cron"`
	ProgressClosing       string        `toml:"progress_closing" check:"cron"`
	BookingRepair         string        `toml:"booking_repair" check:"cron"`
	Signatures            string        `toml:"signatures" check:"cron"`
	LeaseTTL              time.Duration `toml:"lease_ttl" check:"positive"`
}

// Matching holds the weights of the youth ↔ offer score (only their ratios
// matter; 0 turns a criterion off) and the recommendations of the youth's space.
type Matching struct {
	WeightDistance  int           `toml:"weight_distance" check:"range=0..100"`
	WeightInterest  int           `toml:"weight_interest" check:"range=0..100"`
	WeightType      int           `toml:"weight_type" check:"range=0..100"`
	WeightLevel     int           `toml:"weight_level" check:"range=0..100"`
	WeightESS       int           `toml:"weight_ess" check:"range=0..100"`
	WeightFreshness int           `toml:"weight_freshness" check:"range=0..100"`
	Recommendations int           `toml:"recommendations" check:"range=1..50"`
	CacheTTL        time.Duration `toml:"cache_ttl" check:"positive"`
}

// Retention holds how long the retention job keeps personal data.
type Retention struct {
	CVDays           int `toml:"cv_days" check:"range=1..3650"`
	InactiveYears    int `toml:"inactive_years" check:"range=1..20"`
	NotificationDays int `toml:"notification_days" check:"range=1..3650"`
	// OutingDays is how long after a visit its outing authorisations are kept.
	OutingDays int `toml:"outing_days" check:"range=1..3650"`
}
