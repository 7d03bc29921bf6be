package main

import (
	"context"
	"fmt"
	netmail "net/mail"
	"strings"
	"time"

	"passerelle/app/account"
	"passerelle/app/config"
	"passerelle/app/domain"
)

func cmdUser(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return usageError{"précisez « user create --role RÔLE --email ADRESSE »"}
	}
	fs := env.flags("user create", "user create --role RÔLE --email ADRESSE [--name NOM]")
	role := fs.String("role", "", "rôle : "+rolesList())
	email := fs.String("email", "", "adresse électronique du compte")
	name := fs.String("name", "", "nom affiché")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	user, err := newUser(domain.Role(*role), *email, *name)
	if err != nil {
		return err
	}
	m, err := env.open(ctx)
	if err != nil {
		return err
	}
	defer m.shutdown()
	password, err := m.createUsers(ctx, []domain.User{user})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Compte créé : %s (%s)\nMot de passe (affiché une seule fois) : %s\n", user.Email, *role, password[0])
	return nil
}

func rolesList() string {
	names := make([]string, len(domain.Roles))
	for i, r := range domain.Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// newUser checks the command-line input before anything is opened.
func newUser(role domain.Role, email, name string) (domain.User, error) {
	if !role.Valid() {
		return domain.User{}, usageError{fmt.Sprintf("rôle %q inconnu ; rôles possibles : %s", role, rolesList())}
	}
	addr, err := netmail.ParseAddress(email)
	if err != nil || addr.Address != email {
		return domain.User{}, usageError{fmt.Sprintf("adresse électronique %q invalide", email)}
	}
	if name == "" {
		name = strings.SplitN(email, "@", 2)[0]
	}
	return domain.User{ID: strings.ToLower(domain.NewID("user")), Email: strings.ToLower(email), Name: name,
		Roles: []domain.Role{role}, Locale: "fr", CreatedAt: time.Now().UTC()}, nil
}

// createUsers gives each user a new password and stores them, returning the
// passwords in order, to show once.
func (m *Main) createUsers(ctx context.Context, users []domain.User) ([]string, error) {
	passwords, err := m.setPasswords(users)
	if err != nil {
		return nil, err
	}
	if err := m.DB.InsertUsers(ctx, users); err != nil {
		if domain.ErrorCode(err) == domain.ECONFLICT {
			return nil, usageError{"un compte existe déjà avec cette adresse"}
		}
		return nil, err
	}
	return passwords, nil
}

// setPasswords gives each user a new random password, stored hashed, and
// returns the clear passwords in order.
func (m *Main) setPasswords(users []domain.User) ([]string, error) {
	hasher := argon2Of(m.Config)
	passwords := make([]string, len(users))
	for i := range users {
		passwords[i] = account.NewPassword()
		hash, err := hasher.HashPassword(passwords[i])
		if err != nil {
			return nil, err
		}
		users[i].PasswordHash = hash
	}
	return passwords, nil
}

func argon2Of(cfg *config.Config) account.Argon2 {
	s := cfg.Security
	return account.Argon2{Time: uint32(s.Argon2Time), MemoryKiB: uint32(s.Argon2MemoryKiB), Threads: uint8(s.Argon2Threads)}
}
