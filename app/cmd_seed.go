package main

import "context"

func cmdSeed(ctx context.Context, env *cliEnv, args []string) error {
	fs := env.flags("seed", "seed --demo")
	withDemo := fs.Bool("demo", false, "charge le jeu de données de démonstration")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !*withDemo {
		return usageError{"précisez --demo : c'est le seul jeu de données disponible"}
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
	return m.seedDemo(ctx, env.stdout)
}
