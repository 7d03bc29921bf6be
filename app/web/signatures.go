package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/signature"
)

// signaturePage is a party's page, opened by their link: the document's
// content and its parties, then what they can do — ask for a code, sign.
func (s *Server) signaturePage(c *fiber.Ctx) error {
	p, err := s.deps.Signatures.Open(c.UserContext(), c.Params("token"))
	if err != nil {
		return err
	}
	return s.render(c, "signature", s.signatureData(c, p))
}

func (s *Server) signatureData(c *fiber.Ctx, p signature.Party) fiber.Map {
	r := p.Request
	state := string(r.State)
	if r.State == domain.SignatureOpen && !s.deps.Now().Before(r.Deadline) {
		state = string(domain.SignatureExpired)
	}
	return fiber.Map{"Title": r.Title, "Request": r, "Me": p.Me(), "Index": p.Index, "State": state,
		"Turn": r.Turn(p.Index), "Token": c.Params("token"), "Form": fiber.Map{}, "Tu": tu(p)}
}

// tu is the suffix of the texts that say « tu » to a youth signing their
// internship agreement; everyone else is addressed as « vous ».
func tu(p signature.Party) string {
	if p.Request != nil && p.Me().Role == "youth" {
		return ".tu"
	}
	return ""
}

// signatureCode emails the party a one-time code.
func (s *Server) signatureCode(c *fiber.Ctx) error {
	token := c.Params("token")
	if err := s.deps.Signatures.SendCode(c.UserContext(), token, c.IP()); err != nil {
		return s.signatureFailed(c, err)
	}
	p, _ := s.deps.Signatures.Open(c.UserContext(), token) // opened just now by SendCode
	s.flash(c, "signature_code_sent"+strings.ReplaceAll(tu(p), ".", "_"))
	return c.Redirect("/signature/"+token+"#signer", fiber.StatusSeeOther)
}

// sign records the party's signature.
func (s *Server) sign(c *fiber.Ctx) error {
	token := c.Params("token")
	r, err := s.deps.Signatures.Sign(c.UserContext(), token, signature.Input{Name: c.FormValue("name"),
		Consent: c.FormValue("consent") == "1", Code: c.FormValue("code"), IP: c.IP(), UserAgent: c.Get(fiber.HeaderUserAgent)})
	if err != nil {
		return s.signatureFailed(c, err)
	}
	suffix := ""
	if tok, perr := signature.ParseToken(token); perr == nil && r.Parties[tok.Party].Role == "youth" {
		suffix = "_tu"
	}
	s.flash(c, "signature_signed"+suffix)
	return c.Redirect("/signature/"+token, fiber.StatusSeeOther)
}

// signatureFailed shows the party's page again with the error, the name
// typed kept; a link that opens nothing goes to the error page.
func (s *Server) signatureFailed(c *fiber.Ctx, err error) error {
	p, oerr := s.deps.Signatures.Open(c.UserContext(), c.Params("token"))
	if oerr != nil {
		return oerr
	}
	data := s.signatureData(c, p)
	data["Form"] = fiber.Map{"name": c.FormValue("name")}
	return s.formFailed(c, "signature", data, err)
}

// signaturePartyPDF is the document as it stands, for the party of the link.
func (s *Server) signaturePartyPDF(c *fiber.Ctx) error {
	r, pdf, err := s.deps.Signatures.PartyPDF(c.UserContext(), c.Params("token"))
	if err != nil {
		return err
	}
	return sendDownload(c, r.ID+".pdf", "application/pdf", pdf)
}

// signaturePDF is the document with its signatures, for a party signed in
// or staff.
func (s *Server) signaturePDF(c *fiber.Ctx) error {
	r, pdf, err := s.deps.Signatures.PDF(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return sendDownload(c, r.ID+".pdf", "application/pdf", pdf)
}

// signatureGroups sorts a person's requests: to sign, signed, closed.
type signatureGroups struct {
	ToSign, Signed, Closed []signatureLine
}

type signatureLine struct {
	Request *domain.SignatureRequest
	Party   domain.SignatureParty
}

// mySignatures lists the documents a person signed in is a party to.
func (s *Server) mySignatures(c *fiber.Ctx) error {
	user := currentUser(c)
	all, err := s.deps.Signatures.Mine(c.UserContext(), user)
	if err != nil {
		return err
	}
	var g signatureGroups
	for i := range all {
		r := &all[i]
		for _, p := range r.Parties {
			if p.Email != strings.ToLower(user.Email) {
				continue
			}
			line := signatureLine{Request: r, Party: p}
			switch {
			case p.SignedAt != nil:
				g.Signed = append(g.Signed, line)
			case r.State == domain.SignatureOpen && s.deps.Now().Before(r.Deadline):
				g.ToSign = append(g.ToSign, line)
			default:
				g.Closed = append(g.Closed, line)
			}
		}
	}
	return s.render(c, "signatures", fiber.Map{"Title": s.localizer(c).T("signature.mine.title"), "Groups": g})
}

// staffSignatures is the staff overview, filtered by kind and state.
func (s *Server) staffSignatures(c *fiber.Ctx) error {
	f := domain.SignatureFilter{}
	for _, k := range domain.SignatureKinds {
		if c.Query("kind") == string(k) {
			f.Kind = k
		}
	}
	for _, st := range domain.SignatureStates {
		if c.Query("state") == string(st) {
			f.State = st
		}
	}
	list, err := s.deps.Signatures.Overview(c.UserContext(), currentUser(c), f)
	if err != nil {
		return err
	}
	return s.render(c, "staff_signatures", fiber.Map{"Title": s.localizer(c).T("signature.staff.title"), "Requests": list,
		"Filter": f, "Kinds": domain.SignatureKinds, "States": domain.SignatureStates})
}
