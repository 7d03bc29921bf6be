package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/signature"
	"passerelle/app/signature/signaturetest"
)

// TestSigningPages: a party opens their link, is refused with a French
// message next to the field, asks for a code, signs; the page then says
// so; the PDF is for the parties and staff only; staff filter the overview.
func TestSigningPages(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	r, err := f.signatures.Start(ctx, signature.Document{Kind: domain.SignGrantAgreement, SubjectID: "g-1",
		Title: "Convention de subvention PROGR'ESS", Summary: "Vélo Solidaire — 8 000 €",
		Sections: []domain.DocumentSection{{Heading: "Objet", Paragraphs: []string{"Atelier de réparation de vélos."}}},
		Parties: []domain.SignatureParty{{Role: "legal_representative", Name: "Bob Vélo", Email: "bob@asso.test", Order: 1},
			{Role: "department", Name: "Agente", Email: "agente@asso.test", Order: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	path := "/signature/" + signaturetest.Link(t, f.mails.Messages(), "bob@asso.test")
	bob := f.visitor()
	resp, body := bob.get(t, path)
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Convention de subvention PROGR'ESS", "Atelier de réparation de vélos.", "Bob Vélo", r.Hash,
		"Recevoir un code par courriel")
	// No code asked yet: the refusal is in French, next to the field, 4xx.
	resp, body = bob.post(t, path, url.Values{"name": {"Bob Vélo"}, "consent": {"1"}, "code": {"123456"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "demandez un nouveau code", `value="Bob Vélo"`)
	resp, _ = bob.post(t, path+"/code", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	resp, body = bob.get(t, path)
	wantContains(t, body, "Un code vient de vous être envoyé")
	code := signaturetest.Code(t, f.mails.Messages(), "bob@asso.test")
	if msgs := f.mails.Messages(); strings.Contains(msgs[len(msgs)-1].Subject, code) || strings.Contains(msgs[len(msgs)-1].Subject, "Vélo") {
		t.Fatalf("a subject with personal details: %q", msgs[len(msgs)-1].Subject)
	}
	resp, body = bob.post(t, path, url.Values{"name": {"Bob Vélo"}, "code": {code}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Cochez la case")
	// Without the CSRF token nothing is signed.
	resp, _ = f.visitor().post(t, path, url.Values{"name": {"Bob Vélo"}, "consent": {"1"}, "code": {code}, "_csrf": {"x"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("without CSRF: %d", resp.StatusCode)
	}
	resp, _ = bob.post(t, path, url.Values{"name": {"Bob Vélo"}, "consent": {"1"}, "code": {code}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = bob.get(t, path)
	wantContains(t, body, "Votre signature est enregistrée", "Vous avez signé ce document sous le nom « Bob Vélo »")
	resp, _ = bob.get(t, path+"/document.pdf")
	wantStatus(t, resp, http.StatusOK)
	// A made-up link: a French 404, never a 500.
	resp, body = f.visitor().get(t, "/signature/"+r.ID+".0."+strings.Repeat("0", 64))
	wantStatus(t, resp, http.StatusNotFound)
	wantContains(t, body, "lien de signature n'est pas valide")
	resp, _ = f.visitor().post(t, "/signature/%2e%2e", url.Values{})
	if resp.StatusCode >= 500 {
		t.Fatalf("garbage link: %d", resp.StatusCode)
	}

	// Signed in: the Département's agent sees it to sign; a stranger cannot read the PDF.
	agent := f.signedInUser(t, "agente", domain.RoleStaff)
	_, body = agent.get(t, "/signatures")
	wantContains(t, body, "À signer", "Vélo Solidaire — 8 000 €")
	resp, _ = agent.get(t, "/signatures/"+r.ID+"/document.pdf")
	wantStatus(t, resp, http.StatusOK)
	stranger := f.signedInUser(t, "eve", domain.RoleApplicant)
	resp, _ = stranger.get(t, "/signatures/"+r.ID+"/document.pdf")
	wantStatus(t, resp, http.StatusNotFound)
	_, body = agent.get(t, "/agents/signatures?kind=grant_agreement&state=open")
	wantContains(t, body, "Vélo Solidaire — 8 000 €", "Bob Vélo", "signé le")
	_, body = agent.get(t, "/agents/signatures?kind=outing_authorisation")
	wantContains(t, body, "Aucune demande ne correspond.")
}
