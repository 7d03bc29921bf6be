package main

import (
	"context"
	"fmt"
)

func cmdReindex(ctx context.Context, env *cliEnv, args []string) error {
	fs := env.flags("reindex", "reindex [--dry-run]")
	dryRun := fs.Bool("dry-run", false, "compte sans modifier l'index")
	if err := parse(fs, args); err != nil {
		return err
	}
	m, err := env.open(ctx)
	if err != nil {
		return err
	}
	defer m.shutdown()
	report, err := m.Indexer.Reconcile(ctx, *dryRun)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.stdout, report)
	return nil
}
