package account

import (
	"context"
	"slices"

	"passerelle/app/domain"
	"passerelle/app/i18n"
)

// ChooseEmailLanguage sets the language the platform writes to the user in:
// every email, digests and notices included, goes out in it from now on.
func (s *Service) ChooseEmailLanguage(ctx context.Context, user *domain.User, locale string) error {
	if !slices.Contains(i18n.Locales, locale) {
		return domain.FieldError("locale", "error.account.locale")
	}
	if err := s.store.SetUserLocale(ctx, user.ID, locale); err != nil {
		return err
	}
	user.Locale = locale
	return nil
}
