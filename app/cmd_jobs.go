package main

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/jobs"
)

func cmdJobs(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 {
		return usageError{"précisez « jobs list » ou « jobs run NOM »"}
	}
	switch args[0] {
	case "list":
		return jobsList(ctx, env, args[1:])
	case "run":
		return jobsRun(ctx, env, args[1:])
	}
	return usageError{fmt.Sprintf("sous-commande inconnue %q : list ou run", args[0])}
}

func jobsList(ctx context.Context, env *cliEnv, args []string) error {
	if err := parse(env.flags("jobs list", "jobs list"), args); err != nil {
		return err
	}
	m, err := env.open(ctx)
	if err != nil {
		return err
	}
	defer m.shutdown()
	statuses, err := m.Jobs.List(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "TÂCHE\tPLANIFICATION\tDERNIÈRE EXÉCUTION\tPROCHAINE")
	for _, st := range statuses {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", st.Name, orDash(st.Schedule), lastRun(st.Last), nextRun(st))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return printEmailStates(ctx, env, m)
}

// printEmailStates tells where the emails the jobs deliver stand, so that an
// operator sees a queue that grows or emails that fail.
func printEmailStates(ctx context.Context, env *cliEnv, m *Main) error {
	c, err := m.DB.NotificationCounts(ctx)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(env.stdout, "\nCourriels : %d en attente, %d en cours d'envoi, %d envoyés, %d en échec\n",
		c[domain.NotificationPending], c[domain.NotificationSending], c[domain.NotificationSent], c[domain.NotificationFailed])
	return err
}

func lastRun(run *jobs.Run) string {
	if run == nil {
		return "jamais"
	}
	outcome := run.Report.Summary
	if run.Error != "" {
		outcome = "échec : " + run.Error
	}
	return i18n.DateTime("fr", run.StartedAt) + " — " + outcome
}

func nextRun(st jobs.Status) string {
	if st.Next.IsZero() {
		return "désactivée"
	}
	return i18n.DateTime("fr", st.Next)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func jobsRun(ctx context.Context, env *cliEnv, args []string) error {
	fs := env.flags("jobs run", "jobs run NOM [--dry-run]")
	dryRun := fs.Bool("dry-run", false, "montre ce que la tâche ferait, sans rien envoyer ni modifier")
	if len(args) == 0 {
		return usageError{"précisez le nom de la tâche : jobs run NOM (voir jobs list)"}
	}
	name := args[0]
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	m, err := env.open(ctx)
	if err != nil {
		return err
	}
	defer m.shutdown()
	run, err := m.Jobs.RunNow(ctx, name, jobs.RunOptions{DryRun: *dryRun})
	if err != nil {
		return jobError(err, name)
	}
	fmt.Fprintf(env.stdout, "%s : %s\n", name, run.Report.Summary)
	if run.Error != "" {
		return fmt.Errorf("la tâche %s a échoué : %s", name, run.Error)
	}
	return nil
}

func jobError(err error, name string) error {
	if errors.Is(err, jobs.ErrUnknownJob) {
		return usageError{fmt.Sprintf("tâche inconnue %q ; voir jobs list", name)}
	}
	return err
}
