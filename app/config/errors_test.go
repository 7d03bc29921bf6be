package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// want is one expected problem: its key and fragments of its message.
type want struct {
	key   string
	parts []string
}

func TestLoadReportsEveryProblem(t *testing.T) {
	aFile := filepath.Join(t.TempDir(), "cert.pem")
	if err := os.WriteFile(aFile, []byte("cert"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		file string
		env  []string
		want []want
	}{
		{"syntax error names the line", "[server]\nport = 8080\nhost = \n", nil,
			[]want{{"", []string{"config.toml ligne 3 : erreur de syntaxe TOML : "}}}},
		{"unknown key in file", "[server]\nport = 8080\nprot = 1\n", nil,
			[]want{{"server.prot", []string{"config.toml ligne 3 : clé inconnue [server] prot (vouliez-vous dire port ?)"}}}},
		{"unknown section", "[serveur]\nport = 1\n", nil,
			[]want{{"serveur", []string{"ligne 1 : section inconnue [serveur] (vouliez-vous dire server ?)"}}}},
		{"key outside any section", "port = 1\n", nil,
			[]want{{"port", []string{"ligne 1 : clé inconnue port : chaque clé doit être dans une section"}}}},
		{"nested table", "[server.tls]\ncert = \"x\"\n", nil,
			[]want{{"server.tls", []string{"clé inconnue [server] tls"}}}},
		{"array of sections", "[[server]]\nport = 1\n", nil,
			[]want{{"server", []string{"[server] doit être une section"}}}},
		{"unknown key in environment", "", []string{"PASSERELLE_SERVER_PROT=8080"},
			[]want{{"server.prot", []string{"PASSERELLE_SERVER_PROT : clé inconnue [server] prot (vouliez-vous dire port ?)"}}}},
		{"unknown section in environment", "", []string{"PASSERELLE_SERVEUR_PORT=1"},
			[]want{{"serveur.port", []string{"PASSERELLE_SERVEUR_PORT : clé inconnue [serveur] port : section inconnue"}}}},
		{"variable without key", "", []string{"PASSERELLE_MAIL=x"},
			[]want{{"mail.", []string{"PASSERELLE_MAIL : clé manquante après [mail]"}}}},
		{"string for an integer", "[server]\nport = \"8080\"\n", nil,
			[]want{{"server.port", []string{`ligne 2 : [server] port : doit être un entier (reçu la chaîne "8080")`}}}},
		{"wrong types", "[demo]\nseed_on_first_start = \"oui\"\n[server]\ntrusted_proxies = \"10.0.0.1\"\nshutdown_timeout = 10\ncookie_secure = \"peut-être\"\n[mail]\nsend_rate = \"vite\"\nfrom = 2024-01-01\n", nil,
			[]want{
				{"demo.seed_on_first_start", []string{"ligne 2 : [demo] seed_on_first_start : doit être true ou false"}},
				{"server.trusted_proxies", []string{"ligne 4 : [server] trusted_proxies : doit être une liste de chaînes"}},
				{"server.shutdown_timeout", []string{"ligne 5", `doit être une durée entre guillemets, par ex. "10s" (reçu l'entier 10)`}},
				{"server.cookie_secure", []string{`doit être true, false ou "auto"`}},
				{"mail.send_rate", []string{"ligne 8", "doit être un nombre fini"}},
				{"mail.from", []string{"ligne 9", "doit être une chaîne entre guillemets (reçu une date)"}},
			}},
		{"section given a value", "server = 1\n", nil,
			[]want{{"server", []string{"[server] doit être une section"}}}},
		{"environment not an integer", "", []string{"PASSERELLE_SERVER_PORT=abc"},
			[]want{{"server.port", []string{`PASSERELLE_SERVER_PORT : "abc" n'est pas un entier`}}}},
		{"environment not a boolean", "", []string{"PASSERELLE_DEMO_SEED_ON_FIRST_START=oui"},
			[]want{{"demo.seed_on_first_start", []string{`"oui" n'est pas un booléen`}}}},
		{"environment not a number", "", []string{"PASSERELLE_MAIL_SEND_RATE=vite"},
			[]want{{"mail.send_rate", []string{`"vite" n'est pas un nombre`}}}},
		{"port out of range", "[server]\nport = 70000\n", nil,
			[]want{{"server.port", []string{"config.toml ligne 2 : [server] port : doit être un entier entre 1 et 65535 (reçu 70000)"}}}},
		{"port out of range from environment", "", []string{"PASSERELLE_MAIL_SMTP_PORT=0"},
			[]want{{"mail.smtp_port", []string{"PASSERELLE_MAIL_SMTP_PORT : [mail] smtp_port : doit être un entier entre 1 et 65535 (reçu 0)"}}}},
		{"invalid URLs", "[server]\nbase_url = \"localhost:8080\"\n[search]\nmeilisearch_url = \"ftp://search\"\n", nil,
			[]want{
				{"server.base_url", []string{`[server] base_url : doit être une adresse complète en http:// ou https:// (reçu "localhost:8080")`}},
				{"search.meilisearch_url", []string{`(reçu "ftp://search")`}},
			}},
		{"empty base URL", "[server]\nbase_url = \"\"\n", nil,
			[]want{{"server.base_url", []string{"doit être une adresse complète"}}}},
		{"MongoDB URI without its password in the message", "[mongodb]\nuri = \"postgres://user:secret@db\"\n", nil,
			[]want{{"mongodb.uri", []string{"doit commencer par mongodb:// ou mongodb+srv://"}}}},
		{"MongoDB URI without server", "", []string{"PASSERELLE_MONGODB_URI=mongodb://user:pw@/db"},
			[]want{{"mongodb.uri", []string{"PASSERELLE_MONGODB_URI : [mongodb] uri"}}}},
		{"invalid durations", "[server]\nshutdown_timeout = \"10 secondes\"\n[security]\nsession_ttl = \"-1h\"\n", nil,
			[]want{
				{"server.shutdown_timeout", []string{`durée invalide "10 secondes" (exemples : "30s", "15m", "720h")`}},
				{"security.session_ttl", []string{`[security] session_ttl : doit être une durée positive (reçu "-1h0m0s")`}},
			}},
		{"invalid email", "[mail]\nfrom = \"Passerelle 92 <pas une adresse>\"\n", nil,
			[]want{{"mail.from", []string{`[mail] from : adresse e-mail invalide "Passerelle 92 <pas une adresse>"`}}}},
		{"invalid enums", "[log]\nlevel = \"verbose\"\n[mail]\nsmtp_tls = \"ssl\"\n", nil,
			[]want{
				{"log.level", []string{`[log] level : doit valoir debug, info, warn ou error (reçu "verbose")`}},
				{"mail.smtp_tls", []string{`doit valoir none, starttls ou tls (reçu "ssl")`}},
			}},
		{"invalid cron expressions", "[jobs]\nyouth_digest = \"0 8 * *\"\n", []string{"PASSERELLE_JOBS_RETENTION=tous les jours"},
			[]want{
				{"jobs.youth_digest", []string{`ligne 2 : [jobs] youth_digest : expression cron invalide "0 8 * *"`}},
				{"jobs.retention", []string{`PASSERELLE_JOBS_RETENTION : [jobs] retention : expression cron invalide "tous les jours"`}},
			}},
		{"time zone prefix in a cron expression", "[jobs]\nretention = \"TZ=\"\n", nil,
			[]want{{"jobs.retention", []string{"toujours l'heure de Paris, retirez le préfixe TZ="}}}},
		{"invalid numbers", "[mail]\nsend_rate = 0\nmax_attempts = -1\n[security]\nargon2_threads = 300\n", nil,
			[]want{
				{"mail.send_rate", []string{"doit être un nombre strictement positif (reçu 0)"}},
				{"mail.max_attempts", []string{"doit être un entier entre 1 et 100 (reçu -1)"}},
				{"security.argon2_threads", []string{"doit être un entier entre 1 et 255 (reçu 300)"}},
			}},
		{"invalid trusted proxy", "[server]\ntrusted_proxies = [\"10.0.0.1\", \"10.0.0.0/33\"]\n", nil,
			[]want{{"server.trusted_proxies", []string{`"10.0.0.0/33" n'est ni une adresse IP ni un bloc CIDR`}}}},
		{"required values", "[mongodb]\ndatabase = \" \"\n[server]\ndata_dir = \"\"\n", nil,
			[]want{
				{"server.data_dir", []string{"[server] data_dir : ne doit pas être vide"}},
				{"mongodb.database", []string{"[mongodb] database : ne doit pas être vide"}},
			}},
		{"publication: full conformity without an audit, a bad date, no publisher",
			"[publication]\naccessibility_status = \"full\"\naccessibility_statement_date = \"05/12/2026\"\npublisher = \"\"\n", nil,
			[]want{
				{"publication.publisher", []string{"[publication] publisher : ne doit pas être vide"}},
				{"publication.accessibility_statement_date", []string{`date invalide "05/12/2026" (format AAAA-MM-JJ`}},
				{"publication.accessibility_status", []string{"ne se déclare qu'après un audit"}},
			}},
		{"TLS certificate without key", "[server]\ntls_cert_file = '" + aFile + "'\n", nil,
			[]want{{"server.tls_key_file", []string{"tls_cert_file et tls_key_file : renseignez les deux"}}}},
		{"TLS files missing", "[server]\ntls_cert_file = '" + aFile + "'\ntls_key_file = '" + filepath.Dir(aFile) + "'\n",
			[]string{"PASSERELLE_SERVER_TLS_CERT_FILE=/nonexistent/cert.pem"},
			[]want{
				{"server.tls_cert_file", []string{`PASSERELLE_SERVER_TLS_CERT_FILE : [server] tls_cert_file : fichier introuvable ou illisible "/nonexistent/cert.pem"`}},
				{"server.tls_key_file", []string{"ligne 3", "est un dossier, pas un fichier"}},
			}},
		{"several problems at once", "[server]\nport = 0\nprot = 1\n[log]\nlevel = 3\n",
			[]string{"PASSERELLE_SEARCH_INDEX=", "PASSERELLE_SERVER_PORT=x"},
			[]want{
				{"server.prot", []string{"ligne 3 : clé inconnue [server] prot"}},
				{"log.level", []string{"ligne 5 : [log] level : doit être une chaîne"}},
				{"server.port", []string{`PASSERELLE_SERVER_PORT : "x" n'est pas un entier`}},
				{"server.port", []string{"ligne 2 : [server] port : doit être un entier entre 1 et 65535 (reçu 0)"}},
				{"search.index", []string{"PASSERELLE_SEARCH_INDEX : [search] index : ne doit pas être vide"}},
			}},
		{"syntax error and environment problem", "[server\n", []string{"PASSERELLE_LOG_FORMAT=xml"},
			[]want{
				{"", []string{"ligne 1 : erreur de syntaxe TOML"}},
				{"log.format", []string{`PASSERELLE_LOG_FORMAT : [log] format : doit valoir text ou json (reçu "xml")`}},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load(writeConfig(t, tt.file), tt.env)
			if cfg != nil {
				t.Errorf("got a configuration with an invalid file: %+v", cfg)
			}
			checkProblems(t, err, tt.want)
		})
	}
}

func checkProblems(t *testing.T, err error, wants []want) {
	t.Helper()
	var cerr *Error
	if !errors.As(err, &cerr) {
		t.Fatalf("got error %v (%T), want a *config.Error", err, err)
	}
	if len(cerr.Problems) != len(wants) {
		t.Fatalf("got %d problems, want %d:\n%v", len(cerr.Problems), len(wants), err)
	}
	for i, w := range wants {
		p := cerr.Problems[i]
		if p.Key != w.key {
			t.Errorf("problem %d: key %q, want %q (%s)", i, p.Key, w.key, p.Message)
		}
		for _, part := range w.parts {
			if !strings.Contains(p.Message, part) {
				t.Errorf("problem %d: %q does not contain %q", i, p.Message, part)
			}
		}
		if !strings.Contains(err.Error(), p.Message) {
			t.Errorf("Error() does not list %q", p.Message)
		}
	}
}
