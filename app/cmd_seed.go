package main

import (
	"context"
	"fmt"

	"passerelle/app/demo"
)

func cmdSeed(ctx context.Context, env *cliEnv, args []string) error {
	fs := env.flags("seed", "seed --demo [--scale N]")
	withDemo := fs.Bool("demo", false, "charge le jeu de données de démonstration")
	scale := fs.Int("scale", 1, fmt.Sprintf("taille du jeu de données, de 1 (la démonstration : ~300 offres) à %d "+
		"(20 : ~6 000 offres, 2 400 jeunes, 2 500 organisations)", demo.MaxScale))
	if err := parse(fs, args); err != nil {
		return err
	}
	if !*withDemo {
		return usageError{"précisez --demo : c'est le seul jeu de données disponible"}
	}
	if *scale < 1 || *scale > demo.MaxScale {
		return usageError{fmt.Sprintf("--scale doit être un entier de 1 à %d (reçu : %d)", demo.MaxScale, *scale)}
	}
	m, err := env.open(ctx)
	if err != nil {
		return err
	}
	defer m.shutdown()
	empty, err := m.DB.Empty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return usageError{"la base contient déjà des données : utilisez un dossier de données vide ([server] data_dir)"}
	}
	return m.seedDemo(ctx, env.stdout, env.stderr, *scale)
}
