package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/domain"
)

// The author of a file invites a member of the association by email from the
// file page; the co-editor then finds the file, edits it, and cannot invite
// in turn. Anyone else, and a form without its anti-forgery token, is refused.
func TestAuthorInvitesACoEditorFromTheFilePage(t *testing.T) {
	f := newFixture(t)
	f.association(t, "asso-1")
	call := f.demoCall(t)
	alice := f.progressUser(t, "alice", domain.RoleApplicant, "asso-1")
	carol := f.progressUser(t, "carol", domain.RoleApplicant, "asso-1")
	bob := f.progressUser(t, "bob", domain.RoleApplicant, "asso-2")
	alice.get(t, "/progress/appels/"+call.ID)
	resp, _ := alice.post(t, "/progress/appels/"+call.ID+"/candidature", url.Values{"organisation": {"asso-1"}})
	file := strings.TrimSuffix(resp.Header.Get("Location"), "/etapes/identite")
	invite := file + "/coediteurs"

	_, body := alice.get(t, file)
	wantContains(t, body, "Coéditeurs", "Personne d'autre ne rédige ce dossier avec vous.", `action="`+invite+`"`)
	resp, _ = alice.post(t, invite, url.Values{"co_editor": {"carol@asso.test"}, "_csrf": {"forged"}})
	wantStatus(t, resp, http.StatusForbidden)
	resp, body = alice.post(t, invite, url.Values{"co_editor": {"bob@asso.test"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="co_editor-error"`, "Seul un porteur de projet de la même organisation", `value="bob@asso.test"`)
	resp, _ = alice.post(t, invite, url.Values{"co_editor": {"Carol@asso.test"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = alice.get(t, resp.Header.Get("Location"))
	wantContains(t, body, "Le coéditeur peut maintenant voir et modifier ce dossier.", "<li>carol</li>")

	_, body = carol.get(t, "/progress/dossiers")
	wantContains(t, body, `href="`+file+`"`)
	_, body = carol.get(t, file)
	if strings.Contains(body, `action="`+invite+`"`) {
		t.Error("the co-editor is offered the invitation form")
	}
	carol.get(t, file+"/etapes/projet")
	resp, _ = carol.post(t, file+"/etapes/projet", url.Values{"title": {"Écrit par Carol"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = alice.get(t, file+"/etapes/projet")
	wantContains(t, body, `value="Écrit par Carol"`)
	resp, _ = carol.post(t, invite, url.Values{"co_editor": {"alice@asso.test"}})
	wantStatus(t, resp, http.StatusForbidden)

	bob.get(t, "/progress/dossiers")
	resp, _ = bob.post(t, invite, url.Values{"co_editor": {"bob@asso.test"}})
	wantStatus(t, resp, http.StatusNotFound)
}
