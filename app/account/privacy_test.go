package account_test

import (
	"context"
	"errors"
	"testing"

	"passerelle/app/account"
	"passerelle/app/account/accounttest"
	"passerelle/app/domain"
	"passerelle/app/store/storetest"
)

// holder stands for another service's personal data: it fails to erase
// until told otherwise, and counts what it erased.
type holder struct {
	fail   bool
	erased int
}

func (h *holder) PersonalData(_ context.Context, u *domain.User) (string, any, error) {
	return "visits", map[string]string{"of": u.ID}, nil
}

func (h *holder) ErasePersonalData(context.Context, *domain.User) error {
	if h.fail {
		return errors.New("disk full")
	}
	h.erased++
	return nil
}

// A holder's failure stops the deletion before anything of the account is
// touched: the person is still signed in and may retry, which completes it.
// The export carries each holder's section.
func TestFailingDataHolderStopsTheDeletionWithNothingAnonymised(t *testing.T) {
	db := storetest.Open(t)
	ok, broken := &holder{}, &holder{fail: true}
	svc, mails := accounttest.New(t, db, func(c *account.Config) { c.DataHolders = []account.DataHolder{ok, broken} })
	user := verifiedAccount(t, svc, mails, "lea@example.fr")
	session, _ := svc.StartSession(ctx, user, client)

	export, err := svc.ExportData(ctx, user, client)
	if err != nil || export.Held["visits"].(map[string]string)["of"] != user.ID {
		t.Fatalf("export: %+v %v", export, err)
	}
	if err := svc.DeleteAccount(ctx, user, client); err == nil {
		t.Fatal("the deletion went through a failing holder")
	}
	if u, err := db.UserByID(ctx, user.ID); err != nil || u.DeletedAt != nil || u.Email != "lea@example.fr" {
		t.Fatalf("anonymised after a failure: %+v %v", u, err)
	}
	if u, _ := svc.SessionUser(ctx, session); u == nil {
		t.Fatal("the sessions went after a failure")
	}
	broken.fail = false
	if err := svc.DeleteAccount(ctx, user, client); err != nil {
		t.Fatal(err)
	}
	if u, err := db.UserByID(ctx, user.ID); err != nil || u.DeletedAt == nil || ok.erased != 2 || broken.erased != 1 {
		t.Fatalf("after the retry: %+v %v, erased %d and %d times", u, err, ok.erased, broken.erased)
	}
}
