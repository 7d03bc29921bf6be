package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"passerelle/app/config"
)

// usageError is a mistake on the command line: the message is printed with
// the command's usage and the process exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// command is one subcommand of the CLI.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *cliEnv, args []string) error
}

// cliEnv is what every subcommand receives.
type cliEnv struct {
	configPath string
	stdout     io.Writer
	stderr     io.Writer
}

func commands() []command {
	return []command{
		{"serve", "sert la plateforme (commande par défaut)", cmdServe},
		{"seed", "charge le jeu de données de démonstration (--demo)", cmdSeed},
		{"user", "gère les comptes : user create --role RÔLE --email ADRESSE", cmdUser},
		{"jobs", "tâches planifiées : jobs list, jobs run NOM [--dry-run]", cmdJobs},
		{"reindex", "reconstruit l'index de recherche à partir de la base", cmdReindex},
		{"bench", "mesure les moteurs de recherche : bench search --docs N", cmdBench},
	}
}

// run parses the global flags, dispatches to the subcommand and turns errors
// into exit statuses: 2 for bad input (flags, configuration), 1 otherwise.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	env := &cliEnv{stdout: stdout, stderr: stderr}
	global := flag.NewFlagSet("app", flag.ContinueOnError)
	global.SetOutput(stderr)
	global.StringVar(&env.configPath, "config", "config.toml", "fichier de configuration")
	global.Usage = func() { printUsage(stderr, global) }
	if err := global.Parse(args); err != nil {
		return exitStatus(err, stderr)
	}
	name, rest := "serve", global.Args()
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	for _, c := range commands() {
		if c.name == name {
			return exitStatus(c.run(ctx, env, rest), stderr)
		}
	}
	return exitStatus(usageError{fmt.Sprintf("commande inconnue %q ; voir app --help", name)}, stderr)
}

func printUsage(w io.Writer, global *flag.FlagSet) {
	fmt.Fprintln(w, "Usage : go run ./app [--config FICHIER] [COMMANDE] [OPTIONS]\n\nCommandes :")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nOptions générales :")
	global.PrintDefaults()
	fmt.Fprintln(w, "\nChaque commande accepte --help.")
}

func exitStatus(err error, stderr io.Writer) int {
	var usage usageError
	var cfgErr *config.Error
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &usage), errors.As(err, &cfgErr):
		fmt.Fprintln(stderr, "erreur :", err)
		return 2
	}
	fmt.Fprintln(stderr, "erreur :", err)
	return 1
}

// flags returns a flag set for a subcommand whose errors are usage errors.
func (env *cliEnv) flags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.stderr, "Usage : go run ./app %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses a subcommand's flags, refusing stray arguments.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("argument inattendu %q", strings.Join(fs.Args(), " "))}
	}
	return nil
}

// open loads the configuration and opens the platform's parts.
func (env *cliEnv) open(ctx context.Context) (*Main, error) {
	cfg, err := config.Load(env.configPath, os.Environ())
	if err != nil {
		return nil, err
	}
	m := NewMain(cfg, newLogger(cfg, env.stderr))
	return m, m.Open(ctx)
}

func newLogger(cfg *config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.Log.Level))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Log.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
