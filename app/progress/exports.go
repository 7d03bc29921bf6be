package progress

import (
	"context"
	"strconv"
	"strings"
	"time"

	"passerelle/app/domain"
)

// Table is an export: a header row, then one row per record, as text.
type Table struct {
	Name string
	Rows [][]string
}

// Exports returns a call's files, reviews and decisions as tables for staff.
func (s *Service) Exports(ctx context.Context, actor *domain.User, callID string) ([]Table, error) {
	files, _, err := s.Files(ctx, actor, callID, Filter{})
	if err != nil {
		return nil, err
	}
	reviews, err := s.store.ReviewsByCall(ctx, callID)
	if err != nil {
		return nil, err
	}
	awards, err := s.store.AwardsByCall(ctx, callID)
	if err != nil {
		return nil, err
	}
	return []Table{filesTable(files), reviewsTable(reviews), decisionsTable(files, awards)}, nil
}

func filesTable(files []domain.GrantApplication) Table {
	rows := [][]string{{"reference", "organisation", "projet", "etat", "communes", "axes", "cout_total_centimes",
		"demande_centimes", "note", "depose_le"}}
	for _, g := range files {
		c := g.Content
		rows = append(rows, []string{g.ID, c.Identity.Name, c.Project.Title, string(g.State),
			strings.Join(c.Project.Communes, " "), strings.Join(c.Project.Axes, " | "),
			money(c.Budget.TotalExpenses()), money(c.Budget.Requested()), strconv.FormatFloat(g.Score, 'f', 1, 64), instant(g.SubmittedAt)})
	}
	return Table{Name: "dossiers", Rows: rows}
}

func reviewsTable(reviews []domain.Review) Table {
	rows := [][]string{{"reference", "evaluateur", "statut", "notes", "recommandation", "commentaire", "rendu_le"}}
	for _, r := range reviews {
		marks := make([]string, len(r.Scores))
		for i, sc := range r.Scores {
			marks[i] = sc.Key + "=" + mark(sc)
		}
		rows = append(rows, []string{r.GrantID, r.ReviewerID, string(r.Status), strings.Join(marks, " "),
			string(r.Recommendation), r.Comment, instant(r.SubmittedAt)})
	}
	return Table{Name: "evaluations", Rows: rows}
}

// decisionsTable lists each decision of the history, with the award if any.
func decisionsTable(files []domain.GrantApplication, awards []domain.Award) Table {
	amounts := map[string]domain.Money{}
	for _, a := range awards {
		amounts[a.ID] = a.Amount
	}
	rows := [][]string{{"reference", "de", "vers", "par", "le", "motif", "montant_attribue_centimes"}}
	for _, g := range files {
		for _, h := range g.History {
			rows = append(rows, []string{g.ID, string(h.From), string(h.To), h.ActorID, instant(&h.At), h.Reason, money(amounts[g.ID])})
		}
	}
	return Table{Name: "decisions", Rows: rows}
}

func mark(sc domain.CriterionScore) string {
	if sc.NA {
		return "na"
	}
	return strconv.Itoa(sc.Score)
}

func money(m domain.Money) string { return strconv.FormatInt(int64(m), 10) }

// instant writes an instant in Paris time, or nothing.
func instant(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.In(domain.Paris).Format("2006-01-02 15:04")
}
