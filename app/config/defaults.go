package config

import "time"

// Default returns the configuration of a fresh clone: every part embedded,
// listening on localhost. The shipped config.toml spells out these values.
func Default() *Config {
	return &Config{
		Server: Server{
			Host:            "127.0.0.1",
			Port:            8080,
			BaseURL:         "http://localhost:8080",
			DataDir:         "data",
			ShutdownTimeout: 10 * time.Second,
			TrustedProxies:  []string{},
			CookieSecure:    Auto,
		},
		Log:     Log{Level: "info", Format: "text"},
		MongoDB: MongoDB{Database: "passerelle", ConnectTimeout: 10 * time.Second, CachedDocuments: 20000},
		Search:  Search{Index: "offers"},
		Mail: Mail{
			SMTPPort:    587,
			SMTPTLS:     "starttls",
			From:        "Passerelle 92 <ne-pas-repondre@passerelle92.fr>",
			Timeout:     10 * time.Second,
			SendRate:    20,
			MaxAttempts: 5,
		},
		Demo: Demo{SeedOnFirstStart: true},
		Security: Security{
			Argon2Time:         2,
			Argon2MemoryKiB:    64 * 1024,
			Argon2Threads:      2,
			SessionTTL:         30 * 24 * time.Hour,
			MagicLinkTTL:       15 * time.Minute,
			LoginRatePerMinute: 5,
		},
		Applications: Applications{ExpiryDelay: 15 * 24 * time.Hour, Extension: 7 * 24 * time.Hour},
		Jobs:         defaultJobs(),
		Matching: Matching{WeightDistance: 30, WeightInterest: 30, WeightType: 20, WeightLevel: 10, WeightESS: 5,
			WeightFreshness: 5, Recommendations: 6, CacheTTL: time.Minute},
		Retention:   Retention{CVDays: 180, InactiveYears: 3, NotificationDays: 90, OutingDays: 30},
		Publication: defaultPublication(),
	}
}

func defaultJobs() Jobs {
	return Jobs{
		YouthDigest:           "0 8 * * MON",
		CounsellorDigest:      "0 7 * * MON",
		EmployerDigest:        "0 7 * * *",
		VisitReminders:        "0 9 * * *",
		EventReminders:        "30 9 * * *",
		ApplicationExpiry:     "30 2 * * *",
		ProgressReminders:     "0 10 * * *",
		ReviewerReminders:     "0 9 * * MON",
		StaffSummary:          "0 8 * * MON",
		Retention:             "0 3 * * *",
		SearchReconcile:       "*/30 * * * *",
		SearchRetry:           "* * * * *",
		NotificationsDelivery: "* * * * *",
		ProgressClosing:       "*/5 * * * *",
		BookingRepair:         "*/5 * * * *",
		Signatures:            "0 * * * *",
		LeaseTTL:              5 * time.Minute,
	}
}
