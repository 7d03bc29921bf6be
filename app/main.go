// Command app runs Passerelle 92: `go run ./app` serves the platform on its
// embedded defaults; subcommands seed data, create users, run jobs, reindex.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
