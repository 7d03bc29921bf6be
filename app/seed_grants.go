package main

import (
	"context"

	"passerelle/app/demo"
	"passerelle/app/domain"
)

// seedGrants stores the demo's grant applications and the bytes of their
// documents, so that staff and jurors can open every attachment.
func (m *Main) seedGrants(ctx context.Context, grants []domain.GrantApplication) error {
	for _, g := range grants {
		for _, a := range g.Attachments {
			if err := m.DB.PutFile(ctx, a.ID, a.Name, demo.DocumentPDF); err != nil {
				return err
			}
		}
	}
	return m.DB.InsertGrants(ctx, grants)
}
