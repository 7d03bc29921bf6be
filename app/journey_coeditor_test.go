package main

import (
	"strings"
	"testing"

	"passerelle/app/demo"
	"passerelle/app/domain"
	"passerelle/app/web/browsertest"
)

// An association's file written by two members: the author invites a
// co-editor by email from the file page, the co-editor finds the file in
// their space and edits it, the author sees the change. Every page passes axe
// and the 360 px check.
func TestJourneyCoEditorWritesTheFileWithItsAuthor(t *testing.T) {
	var report strings.Builder
	m := startDemoPlatformTo(t, &report)
	passwords := demoPasswords(t, report.String())
	call := firstOpenCall(t, m)
	coEditor := joinAssociation(t, m, "jury@"+demo.EmailDomain, "porteur@"+demo.EmailDomain)

	b := browsertest.New(t)
	signIn(t, m, b, "porteur@"+demo.EmailDomain, passwords["porteur@"+demo.EmailDomain])
	b.Visit(m.URL() + "/progress/appels/" + call.ID)
	b.Submit("form[action$='/candidature'] button")
	file := strings.TrimSuffix(b.URL(), "/etapes/identite")
	b.Visit(file)
	b.CheckPage()
	b.Fill("#co_editor", coEditor.Email)
	b.Submit("form[action$='/coediteurs'] button")
	b.CheckPage()
	if got := b.Text("section[aria-labelledby=coediteurs]"); !strings.Contains(got, "Le coéditeur peut maintenant voir et modifier ce dossier.") ||
		!strings.Contains(got, coEditor.Name) {
		t.Fatalf("co-editors section after the invitation: %q", got)
	}

	co := b.Session()
	signIn(t, m, co, coEditor.Email, passwords[coEditor.Email])
	co.Visit(m.URL() + "/progress/dossiers")
	co.CheckPage()
	co.Click("tbody a[href='" + strings.TrimPrefix(file, m.URL()) + "']")
	co.CheckPage()
	co.Click("a[href$='/etapes/projet']")
	co.Fill("#title", "Épicerie écrite à quatre mains")
	co.Click("form[action$='/etapes/projet'] button:not([name])")

	b.Visit(file + "/etapes/projet")
	if got := b.Attr("#title", "value"); got != "Épicerie écrite à quatre mains" {
		t.Errorf("the author does not see the co-editor's title: %q", got)
	}
}

// joinAssociation makes the account of email an applicant of the
// association of member's account.
func joinAssociation(t *testing.T, m *Main, email, member string) *domain.User {
	t.Helper()
	ctx := t.Context()
	u, err1 := m.DB.UserByEmail(ctx, email)
	other, err2 := m.DB.UserByEmail(ctx, member)
	if err1 != nil || err2 != nil || len(other.OrganisationIDs) == 0 {
		t.Fatal(err1, err2)
	}
	if err := m.DB.SetUserRoles(ctx, u.ID, append(u.Roles, domain.RoleApplicant)); err != nil {
		t.Fatal(err)
	}
	if err := m.DB.AddUserOrganisation(ctx, u.ID, other.OrganisationIDs[0]); err != nil {
		t.Fatal(err)
	}
	return u
}
