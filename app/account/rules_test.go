package account_test

import (
	"net/url"
	"testing"

	"passerelle/app/account"
	"passerelle/app/domain"
)

func TestCheckPassword(t *testing.T) {
	cases := []struct{ password, email, key string }{
		{"un cheval bleu traverse", "lea@example.fr", ""},
		{"Tr0ub4dor&3x", "lea@example.fr", ""},
		{"court", "", "error.password.too_short"},
		{"azertyuiop123", "", "error.password.common"},
		{"MotDePasse2024", "", "error.password.common"},
		{"123456789012", "", "error.password.common"},
		{"lea.martin veut entrer", "lea.martin@example.fr", "error.password.contains_email"},
		{string(make([]rune, 129)), "", "error.password.too_long"},
	}
	for _, c := range cases {
		if got := domain.ErrorMessage(account.CheckPassword(c.password, c.email)); got != c.key {
			t.Errorf("%q: %q, want %q", c.password, got, c.key)
		}
	}
}

func TestParseSignUpNamesTheWrongField(t *testing.T) {
	ok := url.Values{"email": {"lea@example.fr"}, "name": {"Léa"}, "role": {"youth"}, "password": {"un cheval bleu traverse"}}
	cases := []struct{ key, value, field string }{
		{"email", "lea@", "email"},
		{"name", "", "name"},
		{"role", "staff", "role"},
		{"password", "court", "password"},
	}
	for _, c := range cases {
		form := url.Values{}
		for k, v := range ok {
			form[k] = v
		}
		form.Set(c.key, c.value)
		var e *domain.Error
		_, err := account.ParseSignUp(form)
		if e, _ = err.(*domain.Error); e == nil || e.Field != c.field {
			t.Errorf("%s=%q: %v, want an error on %s", c.key, c.value, err, c.field)
		}
	}
	form := url.Values{"email": {" Lea@Example.FR "}, "name": {"Léa"}, "role": {"youth"}, "passwordless": {"1"}}
	in, err := account.ParseSignUp(form)
	if err != nil || in.Email != "lea@example.fr" || in.Password != "" {
		t.Fatalf("passwordless sign-up: %+v %v", in, err)
	}
}

func FuzzParseSignUp(f *testing.F) {
	f.Add("lea@example.fr", "Léa", "youth", "un cheval bleu traverse", "")
	f.Add("a@b", "", "admin", "", "1")
	f.Add("\"x y\"@example.fr", "\xff", "employer", "azertyuiop123", "")
	f.Fuzz(func(t *testing.T, email, name, role, password, passwordless string) {
		form := url.Values{"email": {email}, "name": {name}, "role": {role}, "password": {password}, "passwordless": {passwordless}}
		in, err := account.ParseSignUp(form)
		if err != nil {
			if e, ok := err.(*domain.Error); !ok || e.Field == "" {
				t.Fatalf("error without a field: %v", err)
			}
			return
		}
		if !in.Role.SelfRegistered() || in.Email == "" || in.Name == "" {
			t.Fatalf("accepted %+v", in)
		}
	})
}
