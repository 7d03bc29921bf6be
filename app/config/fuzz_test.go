package config

import (
	"errors"
	"os"
	"testing"
)

func FuzzLoad(f *testing.F) {
	shipped, err := os.ReadFile(shippedFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(shipped))
	for _, seed := range []string{
		"", "[server]\nport = 70000\n", "[server\n", "[[server]]\n", "server = 1\n", "[server.tls]\na = 1\n",
		"[mail]\nsend_rate = nan\nfrom = 1979-05-27T07:32:00Z\n", "[jobs]\nretention = \"TZ=Europe/Paris 0 3 * * *\"\nyouth_digest = \"@weekly\"\n",
		"[server]\ntrusted_proxies = [[1], {a = 2}]\ncookie_secure = \"auto\"\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		cfg, err := parse("config.toml", text, nil)
		if err == nil {
			again := &loader{cfg: cfg, origins: map[string]string{}}
			if again.validate(); len(again.problems) > 0 {
				t.Fatalf("accepted a configuration that does not validate: %v", again.problems)
			}
			return
		}
		var cerr *Error
		if !errors.As(err, &cerr) || len(cerr.Problems) == 0 || cfg != nil {
			t.Fatalf("got %v (%T) and %v, want a *config.Error with problems and no configuration", err, err, cfg)
		}
		for _, p := range cerr.Problems {
			if p.Message == "" {
				t.Fatalf("empty message in %#v", cerr.Problems)
			}
		}
	})
}
