package passerelle

import (
	"context"

	"passerelle/app/domain"
	"passerelle/app/mail"
)

func contact(name, email string) mail.Address { return mail.Address{Name: name, Email: email} }

// notifyApplication tells the youth of a change, and the guardian of a minor.
func (s *Service) notifyApplication(ctx context.Context, a *domain.Application, template string) {
	for who, to := range map[string]mail.Address{"youth": contact(a.YouthName, a.YouthEmail), "guardian": contact("", a.GuardianEmail)} {
		s.notify(ctx, Notification{Key: template + ":" + a.ID + ":" + who, To: to, Template: template, Data: a})
	}
}
