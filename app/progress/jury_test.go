package progress

import (
	"testing"

	"passerelle/app/domain"
)

func (w *world) eligible(t *testing.T) *domain.GrantApplication {
	t.Helper()
	g := w.inReview(t)
	g, err := w.svc.DecideEligibility(ctx, w.staff, g.ID, []domain.CheckItem{{Key: "statuts", OK: true}}, "")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func marks(impact, feasibility int, rec domain.Recommendation) domain.Review {
	return domain.Review{Scores: []domain.CriterionScore{{Key: "impact", Score: impact}, {Key: "faisabilite", Score: feasibility, NA: feasibility < 0}},
		Comment: "Projet utile.", Recommendation: rec}
}

func TestAssignmentNeedsEnoughReviewersFromThePool(t *testing.T) {
	w := newWorld(t)
	g := w.eligible(t)
	cases := []struct {
		ids []string
		key string
	}{
		{[]string{"rev1"}, "error.review.too_few"},
		{[]string{"rev1", "bob"}, "error.review.not_in_pool"},  // an applicant, not a reviewer
		{[]string{"rev1", "rev3"}, "error.review.not_in_pool"}, // rev3 belongs to the applying organisation
	}
	for _, c := range cases {
		if err := w.svc.AssignReviewers(ctx, w.staff, g.ID, c.ids); domain.ErrorMessage(err) != c.key {
			t.Errorf("%v: %v, want %s", c.ids, err, c.key)
		}
	}
	if err := w.svc.AssignReviewers(ctx, w.staff, g.ID, []string{"rev1", "rev2", "rev1"}); err != nil {
		t.Fatal(err)
	}
	if reviews, _ := w.db.ReviewsByGrant(ctx, g.ID); len(reviews) != 2 {
		t.Errorf("%d reviews assigned, want 2", len(reviews))
	}
}

// TestConflictedReviewerCannotSeeTheFile, and reviewers see each other's
// scores only once they have submitted their own.
func TestConflictHidingAndBlindScoring(t *testing.T) {
	w := newWorld(t)
	g := w.eligible(t)
	if err := w.svc.AssignReviewers(ctx, w.staff, g.ID, []string{"rev1", "rev2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.ViewFile(ctx, w.rev1, g.ID); err != nil {
		t.Fatalf("assigned reviewer cannot see the file: %v", err)
	}
	if err := w.svc.DeclareConflict(ctx, w.rev2, g.ID, "Je siège au bureau de l'association."); err != nil {
		t.Fatal(err)
	}
	hidden := map[string]error{
		"view":     second(w.svc.ViewFile(ctx, w.rev2, g.ID)),
		"download": third(w.svc.OpenAttachment(ctx, w.rev2, g.ID, g.Attachments[0].ID)),
		"reviews":  second(w.svc.ReviewsSeenBy(ctx, w.rev2, g.ID)),
		"score":    w.svc.SubmitScores(ctx, w.rev2, g.ID, marks(5, 5, domain.RecommendFund)),
		"never":    second(w.svc.ViewFile(ctx, w.rev3, g.ID)),
	}
	for name, err := range hidden {
		if code(err) != domain.ENOTFOUND {
			t.Errorf("conflicted or unassigned reviewer, %s: %v", name, err)
		}
	}
	if err := w.svc.AssignReviewers(ctx, w.staff, g.ID, []string{"rev2"}); domain.ErrorMessage(err) != "error.review.too_few" {
		t.Errorf("re-assigning the conflicted reviewer counts: %v", err)
	}
	if err := w.db.InsertUsers(ctx, []domain.User{{ID: "rev4", Email: "rev4@example.fr", Roles: []domain.Role{domain.RoleReviewer}}}); err != nil {
		t.Fatal(err)
	}
	rev4 := &domain.User{ID: "rev4", Roles: []domain.Role{domain.RoleReviewer}}
	if err := w.svc.AssignReviewers(ctx, w.staff, g.ID, []string{"rev4"}); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SubmitScores(ctx, w.rev1, g.ID, marks(5, 4, domain.RecommendFund)); err != nil {
		t.Fatal(err)
	}
	seen, _ := w.svc.ReviewsSeenBy(ctx, rev4, g.ID)
	if len(seen) != 1 || seen[0].ReviewerID != "rev4" || len(seen[0].Scores) != 0 {
		t.Errorf("rev4 sees before scoring: %+v", seen)
	}
	if err := w.svc.SubmitScores(ctx, rev4, g.ID, marks(2, -1, domain.RecommendDecline)); err != nil {
		t.Fatal(err)
	}
	if seen, _ := w.svc.ReviewsSeenBy(ctx, rev4, g.ID); len(seen) != 2 {
		t.Errorf("rev4 sees %d reviews after scoring, want 2", len(seen))
	}
	if err := w.svc.SubmitScores(ctx, rev4, g.ID, marks(5, 5, domain.RecommendFund)); domain.ErrorMessage(err) != "error.review.closed" {
		t.Errorf("review changed after submission: %v", err)
	}
}

func TestScoresAggregateAndCloseScoring(t *testing.T) {
	w := newWorld(t)
	g := w.eligible(t)
	if err := w.svc.AssignReviewers(ctx, w.staff, g.ID, []string{"rev1", "rev2"}); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SubmitScores(ctx, w.rev1, g.ID, marks(5, 5, domain.RecommendFund)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.CloseScoring(ctx, w.staff, g.ID); domain.ErrorMessage(err) != "error.review.incomplete" {
		t.Errorf("closed with 1 of 2 reviews: %v", err)
	}
	if err := w.svc.SubmitScores(ctx, w.rev2, g.ID, marks(2, 3, domain.RecommendReservedly)); err != nil {
		t.Fatal(err)
	}
	sums, err := w.svc.Summaries(ctx, w.staff, w.call)
	s := sums[g.ID]
	// rev1: 100; rev2: 100·(0.6·0.4 + 0.4·0.6) = 48; averages 3.5 and 4 → 100·(0.6·0.7 + 0.4·0.8) = 74.
	if err != nil || s.Submitted != 2 || s.Expected != 2 || s.Total < 73.99 || s.Total > 74.01 || !s.Disagree {
		t.Errorf("summary %+v, %v", s, err)
	}
	g, err = w.svc.CloseScoring(ctx, w.staff, g.ID)
	if err != nil || g.State != domain.GrantScored || g.Score != s.Total {
		t.Errorf("scored: %v, %s, %.2f", err, g.State, g.Score)
	}
	if _, err := w.svc.Summaries(ctx, w.rev1, w.call); code(err) != domain.EFORBIDDEN {
		t.Errorf("reviewer read the summaries: %v", err)
	}
}
