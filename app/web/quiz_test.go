package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/discover"
	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// quizQuery answers every question: yes to those listed, no to the others.
func quizQuery(yes ...string) string {
	v := url.Values{"repondu": {"1"}}
	for _, q := range discover.Questions {
		answer := "non"
		for _, id := range yes {
			if id == q.ID {
				answer = "oui"
			}
		}
		v.Set("q_"+q.ID, answer)
	}
	return v.Encode()
}

func TestQuizProposesFamiliesWithReasonsAndLinks(t *testing.T) {
	f := newFixture(t)
	resp, body := f.get(t, "/quel-metier?"+quizQuery("computers", "create", "puzzles"))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	wantContains(t, body, "Des pistes pour toi", "Informatique", "tu as envie de créer des jeux",
		`href="/decouvrir/informatique"`, `href="/offres?tension=informatique&type=visit"`,
		"Développeur / Développeuse informatique", "/connexion?suite=/quel-metier")
	if strings.Contains(body, `href="/decouvrir/petite-enfance"`+`>`+"Découvrir ces métiers") {
		t.Error("a family without a yes was proposed")
	}
	resp, body = f.get(t, "/quel-metier?repondu=1&q_children=oui")
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("unanswered questions: status %d", resp.StatusCode)
	}
	wantContains(t, body, "Réponds à cette question")
	_, body = f.get(t, "/quel-metier?"+quizQuery())
	wantContains(t, body, "ne désignent aucune des familles")
}

// recommendedFamilies counts the families of the offers recommended on the
// youth's space.
func recommendedFamilies(t *testing.T, f *fixture, youth *visitor) map[string]int {
	t.Helper()
	_, body := youth.get(t, "/jeunes")
	_, section, _ := strings.Cut(body, `id="pour-toi"`)
	section, _, _ = strings.Cut(section, "</section>")
	families := map[string]int{}
	for _, o := range linkedOffers(t, f, section) {
		families[o.TensionFamily]++
	}
	return families
}

// Saving the questionnaire's leads adds them to the youth's interests, and
// the recommendations follow.
func TestSavingTheQuizChangesTheRecommendations(t *testing.T) {
	f := newFixture(t)
	youth := f.searchingYouth(t, "quiz-youth")
	before := recommendedFamilies(t, f, youth)
	_, body := youth.get(t, "/quel-metier?"+quizQuery("cooking", "hands", "early"))
	wantContains(t, body, `action="/quel-metier/enregistrer"`, `value="metiers_de_bouche"`)
	resp, body := youth.post(t, "/quel-metier/enregistrer", url.Values{"interet": {refdata.FamilyFood, "astrologie"}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("save: status %d", resp.StatusCode)
	}
	wantContains(t, body, "Pistes enregistrées")
	y := f.youthOf(t, "quiz-youth@asso.test")
	if len(y.Interests) != 1 || y.Interests[0] != refdata.FamilyFood {
		t.Fatalf("interests %v", y.Interests)
	}
	after := recommendedFamilies(t, f, youth)
	if after[refdata.FamilyFood] <= before[refdata.FamilyFood] {
		t.Errorf("food offers recommended: %d before, %d after", before[refdata.FamilyFood], after[refdata.FamilyFood])
	}
	resp, _ = youth.post(t, "/quel-metier/enregistrer", url.Values{"interet": {"astrologie"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("nothing to save: status %d", resp.StatusCode)
	}
	employer := f.progressUser(t, "quiz-employer", domain.RoleEmployer)
	resp, _ = employer.post(t, "/quel-metier/enregistrer", url.Values{"interet": {refdata.FamilyFood}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("an employer saves interests: status %d", resp.StatusCode)
	}
}
