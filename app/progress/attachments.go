package progress

import (
	"context"
	"path/filepath"
	"strings"

	"passerelle/app/domain"
)

// Upload is a file an applicant sends; its type is read from its bytes.
type Upload struct {
	Kind domain.DocumentKind
	Name string
	Data []byte
}

// AddAttachment checks a file by its content and size, stores it, then
// lists it on the file; a file refused writes nothing.
func (s *Service) AddAttachment(ctx context.Context, actor *domain.User, id string, up Upload) (*domain.Attachment, error) {
	if !up.Kind.Valid() {
		return nil, domain.FieldError("kind", "error.attachment.kind")
	}
	contentType, err := domain.CheckAttachment(up.Data)
	if err != nil {
		return nil, err
	}
	g, err := s.editableSection(ctx, actor, id, "attachments")
	if err != nil {
		return nil, err
	}
	a := domain.Attachment{ID: newID(), Kind: up.Kind, Name: cleanName(up.Name), ContentType: contentType,
		Size: int64(len(up.Data)), UploadedBy: actor.ID, UploadedAt: s.Now()}
	if err := s.store.PutFile(ctx, a.ID, a.Name, up.Data); err != nil {
		return nil, err
	}
	// A file stored but not listed (state changed meanwhile) is unreachable:
	// no route serves a file that no application lists.
	return &a, s.store.AddGrantAttachment(ctx, g.ID, g.State, a, a.UploadedAt)
}

// RemoveAttachment takes a file off an application that may still change.
func (s *Service) RemoveAttachment(ctx context.Context, actor *domain.User, id, fileID string) error {
	g, err := s.editableSection(ctx, actor, id, "attachments")
	if err != nil {
		return err
	}
	a, ok := findAttachment(g, fileID)
	if !ok {
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.attachment.not_found"}
	}
	if err := s.store.RemoveGrantAttachment(ctx, g.ID, g.State, a, s.Now()); err != nil {
		return err
	}
	// Unlisted, the bytes are already unreachable: failing to delete them
	// only leaves garbage, so it is logged.
	if err := s.store.DeleteFile(ctx, a.ID); err != nil {
		s.logger.Error("progress: delete attachment bytes", "file", a.ID, "err", err)
	}
	return nil
}

// OpenAttachment returns a file of an application to whoever may read the
// application; a file ID that the application does not list is not found,
// whatever exists in the store under that ID.
func (s *Service) OpenAttachment(ctx context.Context, actor *domain.User, id, fileID string) (*domain.Attachment, []byte, error) {
	g, err := s.ViewFile(ctx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	a, ok := findAttachment(g, fileID)
	if !ok {
		return nil, nil, &domain.Error{Code: domain.ENOTFOUND, Message: "error.attachment.not_found"}
	}
	data, err := s.store.ReadFile(ctx, a.ID)
	return &a, data, err
}

func findAttachment(g *domain.GrantApplication, fileID string) (domain.Attachment, bool) {
	for _, a := range g.Attachments {
		if a.ID == fileID {
			return a, true
		}
	}
	return domain.Attachment{}, false
}

// maxNameLength bounds a stored file name, in characters.
const maxNameLength = 120

// cleanName keeps the base name of an upload, without path or control
// characters and at most maxNameLength characters long with its extension,
// for the download's file name.
func cleanName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == '"' || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "." || name == "/" || name == "" {
		return "document"
	}
	return shortened(name)
}

// shortened cuts the stem of a name longer than maxNameLength, keeping its
// extension (unless that alone is too long).
func shortened(name string) string {
	runes := []rune(name)
	if len(runes) <= maxNameLength {
		return name
	}
	ext := []rune(filepath.Ext(name))
	if len(ext) > maxNameLength/2 {
		ext = nil
	}
	return strings.TrimSpace(string(runes[:maxNameLength-len(ext)])) + string(ext)
}
