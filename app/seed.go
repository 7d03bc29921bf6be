package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"passerelle/app/demo"
	"passerelle/app/domain"
)

// seedOnFirstStart loads the demo data into an empty embedded database, unless
// the configuration turns it off. A production MongoDB is never seeded.
func (m *Main) seedOnFirstStart(ctx context.Context, out io.Writer) error {
	if !m.Config.Demo.SeedOnFirstStart || !m.DB.Embedded() {
		return nil
	}
	empty, err := m.DB.Empty(ctx)
	if err != nil || !empty {
		return err
	}
	m.Logger.Info("base vide : chargement des données de démonstration")
	return m.seedDemo(ctx, out, out, 1)
}

// seedDemo loads the demo data set at a scale (see demo.GenerateScaled),
// indexes its offers and prints the demo accounts' passwords, once, to out;
// the progress bar goes to progress.
func (m *Main) seedDemo(ctx context.Context, out, progress io.Writer, scale int) error {
	data := demo.GenerateScaled(time.Now(), scale)
	steps := []struct {
		label string
		load  func() error
	}{
		{"organisations", func() error { return m.DB.InsertOrganisations(ctx, data.Organisations) }},
		{"comptes", func() error { return m.DB.InsertUsers(ctx, data.Users) }},
		{"profils de jeunes", func() error { return m.DB.InsertYouths(ctx, data.Youths) }},
		{"recherches enregistrées", func() error { return m.DB.InsertSavedSearches(ctx, data.SavedSearches) }},
		{"offres", func() error { return m.DB.InsertOffers(ctx, data.Offers) }},
		{"créneaux de visite", func() error { return m.DB.InsertSessions(ctx, data.Sessions) }},
		{"appel à projets PROGR'ESS", func() error { return m.DB.InsertCalls(ctx, data.Calls) }},
		{"réservations de groupes", func() error { return m.DB.InsertBookings(ctx, data.Bookings) }},
		{"candidatures", func() error { return m.DB.InsertApplications(ctx, data.Applications) }},
		{"dossiers PROGR'ESS", func() error { return m.seedGrants(ctx, data.Grants) }},
		{"évaluations du jury", func() error { return m.DB.InsertReviews(ctx, data.Reviews) }},
		{"demandes d'accompagnement", func() error { return m.DB.InsertSupportRequests(ctx, data.SupportRequests) }},
		{"index de recherche", func() error { _, err := m.Indexer.Reconcile(ctx, false); return err }},
	}
	printer := newStepPrinter(progress, len(steps)+2)
	printer.step("jeu de données généré")
	passwords, err := m.demoPasswords(data)
	if err != nil {
		return err
	}
	printer.step("mots de passe des comptes de démonstration")
	for _, s := range steps {
		if err := s.load(); err != nil {
			return fmt.Errorf("données de démonstration, %s : %w", s.label, err)
		}
		printer.step(s.label)
	}
	printAccounts(out, data.Accounts, passwords)
	m.Logger.Info("données de démonstration chargées", slog.Int("échelle", scale), slog.Int("offres", len(data.Offers)),
		slog.Int("organisations", len(data.Organisations)), slog.Int("jeunes", len(data.Youths)))
	return nil
}

// demoPasswords sets a new password on each demo account, inside data.Users
// too, since the accounts are stored from there.
func (m *Main) demoPasswords(data *demo.Dataset) (map[string]string, error) {
	passwords, err := m.setPasswords(data.Accounts)
	if err != nil {
		return nil, err
	}
	byID := map[string]string{}
	hashes := map[string]string{}
	for i, a := range data.Accounts {
		byID[a.ID], hashes[a.ID] = passwords[i], a.PasswordHash
	}
	for i := range data.Users {
		if h, ok := hashes[data.Users[i].ID]; ok {
			data.Users[i].PasswordHash = h
		}
	}
	return byID, nil
}

func printAccounts(out io.Writer, accounts []domain.User, passwords map[string]string) {
	fmt.Fprintln(out, "\nComptes de démonstration (mots de passe affichés une seule fois) :")
	for _, a := range accounts {
		fmt.Fprintf(out, "  %-12s %-36s %s\n", a.Roles[0], a.Email, passwords[a.ID])
	}
	fmt.Fprintln(out)
}
