package progress

import (
	"bytes"
	"testing"

	"passerelle/app/domain"
)

// TestForgedIDsOfAnotherOrganisation: bob, of another organisation, uses
// alice's file ID and her attachment's ID everywhere; he learns nothing and
// changes nothing.
func TestForgedIDsOfAnotherOrganisation(t *testing.T) {
	w := newWorld(t)
	g := w.completeDraft(t, w.alice, "org-a", 8_000)
	fileID := g.Attachments[0].ID
	own, _ := w.svc.StartApplication(ctx, w.bob, w.call.ID, "org-b")
	attempts := map[string]error{
		"view":           second(w.svc.ViewFile(ctx, w.bob, g.ID)),
		"save":           w.svc.SaveProject(ctx, w.bob, g.ID, domain.Project{Title: "Volé"}),
		"attach":         second(w.svc.AddAttachment(ctx, w.bob, g.ID, Upload{Kind: domain.DocOther, Name: "x.pdf", Data: fakePDF})),
		"remove":         w.svc.RemoveAttachment(ctx, w.bob, g.ID, fileID),
		"download":       third(w.svc.OpenAttachment(ctx, w.bob, g.ID, fileID)),
		"through own ID": third(w.svc.OpenAttachment(ctx, w.bob, own.ID, fileID)),
		"submit":         second(w.svc.Submit(ctx, w.bob, g.ID)),
		"co-editor":      w.svc.AddCoEditor(ctx, w.bob, g.ID, "bob"),
		"start for org":  second(w.svc.StartApplication(ctx, w.bob, w.call.ID, "org-a")),
		"message":        w.svc.SendMessage(ctx, w.bob, g.ID, "Bonjour"),
	}
	for name, err := range attempts {
		if c := code(err); c != domain.ENOTFOUND && c != domain.EFORBIDDEN {
			t.Errorf("%s: %v, want not found or forbidden", name, err)
		}
	}
	after := w.reload(t, g.ID)
	if after.Content.Project.Title != g.Content.Project.Title || len(after.Attachments) != len(g.Attachments) || len(after.EditorIDs) != 0 {
		t.Errorf("bob changed alice's file: %+v", after)
	}
	a, data, err := w.svc.OpenAttachment(ctx, w.alice, g.ID, fileID)
	if err != nil || !bytes.Equal(data, fakePDF) || a.ContentType != "application/pdf" {
		t.Errorf("alice's own download: %v, %d bytes", err, len(data))
	}
}

func TestAttachmentsAreCheckedByContentAndNothingIsWrittenOnRefusal(t *testing.T) {
	w := newWorld(t)
	g, _ := w.svc.StartApplication(ctx, w.alice, w.call.ID, "org-a")
	refused := map[string]Upload{
		"error.attachment.type":  {Kind: domain.DocStatutes, Name: "statuts.pdf", Data: []byte("<!doctype html><p>pas un PDF")},
		"error.attachment.empty": {Kind: domain.DocStatutes, Name: "statuts.pdf"},
		"error.attachment.kind":  {Kind: "passport", Name: "x.pdf", Data: fakePDF},
	}
	for key, up := range refused {
		if _, err := w.svc.AddAttachment(ctx, w.alice, g.ID, up); domain.ErrorMessage(err) != key {
			t.Errorf("%s: %v", key, err)
		}
	}
	if n := len(w.reload(t, g.ID).Attachments); n != 0 {
		t.Errorf("%d attachments listed after refusals", n)
	}
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
	a, err := w.svc.AddAttachment(ctx, w.alice, g.ID, Upload{Kind: domain.DocBankDetails, Name: `C:\Users\rib".png`, Data: png})
	if err != nil || a.ContentType != "image/png" || a.Name != "rib.png" {
		t.Fatalf("PNG upload: %+v, %v", a, err)
	}
	if err := w.svc.RemoveAttachment(ctx, w.alice, g.ID, a.ID); err != nil || len(w.reload(t, g.ID).Attachments) != 0 {
		t.Errorf("remove: %v", err)
	}
	if _, err := w.db.ReadFile(ctx, a.ID); code(err) != domain.ENOTFOUND {
		t.Errorf("removed attachment's bytes still stored: %v", err)
	}
}

func second[T any](_ T, err error) error        { return err }
func third[A, B any](_ A, _ B, err error) error { return err }
