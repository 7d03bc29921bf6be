package main

import (
	"context"
	"log/slog"
	"time"
)

func cmdServe(ctx context.Context, env *cliEnv, args []string) error {
	if err := parse(env.flags("serve", "serve"), args); err != nil {
		return err
	}
	start := time.Now()
	m, err := env.open(ctx)
	if err != nil {
		return err
	}
	if err := m.seedOnFirstStart(ctx, env.stdout); err != nil {
		return closeAfter(m, err)
	}
	if err := m.Listen(); err != nil {
		return closeAfter(m, err)
	}
	m.Logger.Info("Passerelle 92 est prête", slog.String("url", m.Config.Server.BaseURL),
		slog.String("listen", m.listener.Addr().String()), slog.Duration("startup", time.Since(start)))
	<-ctx.Done()
	m.Logger.Info("arrêt demandé : fin des requêtes en cours")
	return m.shutdown()
}

// closeAfter closes m after a failure and returns that failure.
func closeAfter(m *Main, err error) error {
	_ = m.shutdown()
	return err
}
