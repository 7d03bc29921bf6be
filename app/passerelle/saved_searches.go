package passerelle

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"passerelle/app/domain"
)

// SavedSearchStore is what a youth's saved searches read and write.
type SavedSearchStore interface {
	InsertSavedSearch(ctx context.Context, s domain.SavedSearch) error
	SavedSearchesOfYouth(ctx context.Context, youthID string) ([]domain.SavedSearch, error)
	DeleteSavedSearch(ctx context.Context, youthID, id string) error
	SetSavedSearchDigest(ctx context.Context, youthID, id string, on bool) error
}

// maxSavedSearchName bounds a saved search's name, in characters.
const maxSavedSearchName = 80

var (
	errSavedSearchLimit = &domain.Error{Code: domain.ECONFLICT, Message: "error.saved_search.limit"}
	errSavedSearchName  = domain.FieldError("name", "error.saved_search.name")
	errSavedSearchEmpty = &domain.Error{Code: domain.EINVALID, Message: "error.saved_search.empty"}
	errNoYouthProfile   = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.saved_search.profile"}
)

// SaveSearch keeps the search rawQuery (an /offres query string) under
// name for the youth, followed in their weekly digest. The youth needs a
// profile, as for the rest of their space; the search is stored in its
// canonical form, once it has been read and checked like the page's.
func (s *Service) SaveSearch(ctx context.Context, u *domain.User, name, rawQuery string) (*domain.SavedSearch, error) {
	if u == nil || !u.HasRole(domain.RoleYouth) {
		return nil, errForbidden
	}
	form, err := ParseSearchForm(rawQuery)
	if err == nil {
		_, err = form.Query(1)
	}
	if err != nil {
		return nil, err
	}
	saved := domain.SavedSearch{YouthID: u.ID, Name: strings.TrimSpace(name), Query: form.Canonical(),
		Digest: true, CreatedAt: s.now().UTC()}
	switch {
	case saved.Query == "":
		return nil, errSavedSearchEmpty
	case saved.Name == "" || utf8.RuneCountInString(saved.Name) > maxSavedSearchName:
		return nil, errSavedSearchName
	}
	if _, err := s.store.YouthByID(ctx, u.ID); domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, errNoYouthProfile
	} else if err != nil {
		return nil, err
	}
	return &saved, s.insertInFreeSlot(ctx, &saved)
}

// insertInFreeSlot gives the search the first free of the youth's slots,
// unless the youth keeps it already; a slot taken meanwhile by a concurrent
// save is a conflict.
func (s *Service) insertInFreeSlot(ctx context.Context, saved *domain.SavedSearch) error {
	kept, err := s.store.SavedSearchesOfYouth(ctx, saved.YouthID)
	if err != nil {
		return err
	}
	if i := slices.IndexFunc(kept, func(k domain.SavedSearch) bool { return k.Query == saved.Query }); i >= 0 {
		*saved = kept[i] // saving the same search twice keeps one
		return nil
	}
	for slot := 1; slot <= domain.MaxSavedSearches; slot++ {
		id := domain.SavedSearchID(saved.YouthID, slot)
		if !slices.ContainsFunc(kept, func(k domain.SavedSearch) bool { return k.ID == id }) {
			saved.ID = id
			return s.store.InsertSavedSearch(ctx, *saved)
		}
	}
	return errSavedSearchLimit
}

// SavedSearches returns the youth's saved searches, the oldest first.
func (s *Service) SavedSearches(ctx context.Context, u *domain.User) ([]domain.SavedSearch, error) {
	if u == nil || !u.HasRole(domain.RoleYouth) {
		return nil, errForbidden
	}
	return s.store.SavedSearchesOfYouth(ctx, u.ID)
}

// DeleteSavedSearch forgets one of the youth's saved searches; another
// youth's is not found.
func (s *Service) DeleteSavedSearch(ctx context.Context, u *domain.User, id string) error {
	if u == nil || !u.HasRole(domain.RoleYouth) {
		return errForbidden
	}
	return s.store.DeleteSavedSearch(ctx, u.ID, id)
}

// FollowSavedSearch says whether the youth's saved search feeds their
// weekly digest.
func (s *Service) FollowSavedSearch(ctx context.Context, u *domain.User, id string, on bool) error {
	if u == nil || !u.HasRole(domain.RoleYouth) {
		return errForbidden
	}
	return s.store.SetSavedSearchDigest(ctx, u.ID, id, on)
}
