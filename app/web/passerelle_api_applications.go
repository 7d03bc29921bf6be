package web

import (
	"context"
	"io"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// apiApply takes a JSON body {message}, or a multipart form with message
// and an optional cv file (a PDF, checked by its content).
func (s *Server) apiApply(c *fiber.Ctx) error {
	in, err := applyInput(c)
	if err != nil {
		return err
	}
	a, err := s.deps.Passerelle.Apply(c.UserContext(), currentUser(c), c.Params("id"), in)
	if err != nil {
		return err
	}
	return created(c, a)
}

func applyInput(c *fiber.Ctx) (passerelle.ApplyInput, error) {
	if c.Is("json") {
		var r struct {
			Message string `json:"message"`
		}
		err := decodeJSON(c, &r)
		return passerelle.ApplyInput{Message: r.Message}, err
	}
	in := passerelle.ApplyInput{Message: c.FormValue("message")}
	fh, err := c.FormFile("cv")
	if err != nil {
		return in, nil // no CV: it is optional
	}
	if fh.Size > domain.CVMaxBytes {
		return in, domain.FieldError("cv", "error.application.cv_too_large")
	}
	f, err := fh.Open()
	if err != nil {
		return in, err
	}
	defer f.Close()
	in.CV, err = io.ReadAll(io.LimitReader(f, domain.CVMaxBytes+1))
	return in, err
}

func (s *Server) apiMoveApplication(c *fiber.Ctx) error {
	var r statusRequest
	if err := decodeJSON(c, &r); err != nil {
		return err
	}
	a, err := s.deps.Passerelle.MoveApplication(c.UserContext(), currentUser(c), c.Params("id"), domain.ApplicationStatus(r.Status))
	if err != nil {
		return err
	}
	return c.JSON(a)
}

// applicationAction runs an action on an application that needs only its
// id, given as a method expression such as (*passerelle.Service).WithdrawApplication.
func (s *Server) applicationAction(act func(*passerelle.Service, context.Context, *domain.User, string) (*domain.Application, error)) fiber.Handler {
	return func(c *fiber.Ctx) error {
		a, err := act(s.deps.Passerelle, c.UserContext(), currentUser(c), c.Params("id"))
		if err != nil {
			return err
		}
		return c.JSON(a)
	}
}

func (s *Server) apiApplications(c *fiber.Ctx) error {
	return sendPageOf(c, func(r domain.PageRequest) (domain.Page[domain.Application], error) {
		return s.deps.Passerelle.ApplicationsPageFor(c.UserContext(), currentUser(c), r)
	})
}

// applicationCV serves a CV as a download, to its youth and the employer only.
func (s *Server) applicationCV(c *fiber.Ctx) error {
	data, err := s.deps.Passerelle.CV(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return sendDownload(c, "cv.pdf", "application/pdf", data)
}
