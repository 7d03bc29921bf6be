package web

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// accessRules declares, for every route, who may use it: the one place to
// read the platform's authorisation. A route missing here stops the server
// from starting (see checkDeclared) and fails TestAccessMatrix.
var accessRules = map[string]access{
	"GET /static/*": public,
	"GET /healthz":  public,
	"GET /readyz":   public,
	"GET /metrics":  public, // scraped by monitoring, which has no session; counts only

	"GET /":               public,
	"GET /jeunes":         public,
	"GET /etablissements": public,
	"GET /employeurs":     public,
	"GET /progress":       public,
	"GET /agents":         public,
	"GET /offres":         public,
	"GET /offres/:id":     public,
	"GET /api/v1/search":  public,
	"GET /api/v1/suggest": public,

	"GET /connexion":                    public,
	"POST /connexion":                   public,
	"POST /connexion/lien":              public,
	"GET /connexion/lien/:token":        public,
	"POST /connexion/lien/:token":       public,
	"GET /inscription":                  public,
	"POST /inscription":                 public,
	"GET /verification/:token":          public,
	"GET /mot-de-passe/oubli":           public,
	"POST /mot-de-passe/oubli":          public,
	"GET /mot-de-passe/nouveau/:token":  public,
	"POST /mot-de-passe/nouveau/:token": public,
	"POST /deconnexion":                 signedIn,
	"POST /deconnexion/partout":         signedIn,
	"GET /compte":                       signedIn,
	"GET /compte/donnees":               signedIn,
	"GET /compte/suppression":           signedIn,
	"POST /compte/suppression":          signedIn,
	"GET /confidentialite":              public,
	"GET /compte/profil":                only(domain.RoleYouth),
	"POST /compte/profil":               only(domain.RoleYouth),
	"GET /consentement/:token":          public, // the guardian has no account: the link is the proof
	"POST /consentement/:token":         public,

	"GET /organisations/nouvelle":                 only(domain.RoleCounsellor, domain.RoleEmployer, domain.RoleApplicant),
	"POST /organisations/nouvelle":                only(domain.RoleCounsellor, domain.RoleEmployer, domain.RoleApplicant),
	"GET /organisations/:id":                      signedIn.ownedBy("member", memberOf),
	"POST /organisations/:id/invitations":         signedIn.ownedBy("member", memberOf),
	"GET /invitations/:token":                     signedIn,
	"POST /invitations/:token":                    signedIn,
	"GET /agents/organisations":                   staff,
	"POST /agents/organisations/:id/verification": staff,
	"GET /agents/personnes":                       staff,
	"POST /agents/personnes/:id/roles":            staff,
	"POST /agents/personnes/:id/suspension":       staff,
	"GET /agents/journal":                         staff,

	"GET /alternance/simulateur":        public,
	"GET /decouvrir":                    public,
	"GET /quel-metier":                  public,
	"POST /quel-metier/enregistrer":     only(domain.RoleYouth),
	"GET /decouvrir/ess":                public,
	"GET /decouvrir/:famille":           public,
	"GET /decouvrir/:famille/fiche.pdf": public,
	"GET /decouvrir/:famille/classe":    public,

	// Email preferences: the signed token in the path is the access (and
	// the CSRF protection, see csrf.go); one-click unsubscribe needs no session.
	"GET /e-mails/:token":                public,
	"POST /e-mails/:token":               public,
	"GET /e-mails/:token/desabonnement":  public,
	"POST /e-mails/:token/desabonnement": public,

	// PROGR'ESS: the service checks, for each file, that the user edits it
	// (applicants), is assigned to it without a conflict (reviewers) or is staff.
	"GET /progress/appels/:id":                             public,
	"POST /progress/appels/:id/candidature":                only(domain.RoleApplicant),
	"GET /progress/appels/:id/laureats":                    public,
	"GET /progress/dossiers":                               only(domain.RoleApplicant),
	"GET /progress/dossiers/:id":                           only(domain.RoleApplicant),
	"GET /progress/dossiers/:id/etapes/:step":              only(domain.RoleApplicant),
	"POST /progress/dossiers/:id/etapes/:step":             only(domain.RoleApplicant),
	"POST /progress/dossiers/:id/depot":                    only(domain.RoleApplicant),
	"POST /progress/dossiers/:id/reponse":                  only(domain.RoleApplicant),
	"POST /progress/dossiers/:id/coediteurs":               only(domain.RoleApplicant),
	"POST /progress/dossiers/:id/messages":                 only(domain.RoleApplicant, domain.RoleStaff),
	"POST /progress/dossiers/:id/pieces/:file/suppression": only(domain.RoleApplicant),
	"GET /progress/dossiers/:id/pieces/:file":              only(domain.RoleApplicant, domain.RoleReviewer, domain.RoleStaff),
	"GET /progress/dossiers/:id/accuse-reception.pdf":      only(domain.RoleApplicant, domain.RoleStaff),
	"GET /agents/progress":                                 staff,
	"GET /agents/progress/appels/nouveau":                  staff,
	"POST /agents/progress/appels":                         staff,
	"GET /agents/progress/appels/:id":                      staff,
	"POST /agents/progress/appels/:id":                     staff,
	"GET /agents/progress/appels/:id/dossiers":             staff,
	"GET /agents/progress/appels/:id/tableau-de-bord":      staff,
	"GET /agents/progress/appels/:id/exports/:file":        staff,
	"POST /agents/progress/appels/:id/lot":                 staff,
	"POST /agents/progress/appels/:id/liste-attente":       staff,
	"POST /agents/progress/appels/:id/publication":         staff,
	"GET /agents/progress/dossiers/:id":                    staff,
	"POST /agents/progress/dossiers/:id/:action":           staff,
	// Visit campaigns: the service checks that a counsellor changes only
	// their own groups, for one of their own schools.
	"GET /agents/campagnes":                  staff,
	"POST /agents/campagnes":                 staff,
	"GET /agents/campagnes/:id":              staff,
	"POST /agents/campagnes/:id/sessions":    staff,
	"POST /agents/campagnes/:id/repartition": staff,
	"POST /agents/campagnes/:id/publication": staff,
	"GET /campagnes":                         only(domain.RoleCounsellor),
	"GET /campagnes/:id":                     only(domain.RoleCounsellor),
	"POST /campagnes/:id/groupes":            only(domain.RoleCounsellor),
	// the handler checks that the offer is one of the employer's
	"GET /employeurs/offres/:id/candidats": only(domain.RoleEmployer),
	"GET /jury":                            only(domain.RoleReviewer),
	"GET /jury/dossiers/:id":               only(domain.RoleReviewer),
	"POST /jury/dossiers/:id/conflit":      only(domain.RoleReviewer),
	"POST /jury/dossiers/:id/evaluation":   only(domain.RoleReviewer),

	// Passerelle API: the service checks that the offer, session, booking or
	// application belongs to the user's organisation, structure or person.
	"GET /api/v1/openapi.json":                 public,
	"GET /api/v1/offers":                       only(domain.RoleEmployer),
	"POST /api/v1/offers":                      only(domain.RoleEmployer),
	"POST /api/v1/offers/:id":                  only(domain.RoleEmployer),
	"POST /api/v1/offers/:id/close":            only(domain.RoleEmployer),
	"POST /api/v1/offers/:id/duplicate":        only(domain.RoleEmployer),
	"POST /api/v1/offers/:id/publish":          staff,
	"POST /api/v1/offers/:id/reject":           staff,
	"GET /api/v1/moderation":                   staff,
	"GET /api/v1/me/favourites":                only(domain.RoleYouth),
	"PUT /api/v1/me/favourites/:offerID":       only(domain.RoleYouth),
	"DELETE /api/v1/me/favourites/:offerID":    only(domain.RoleYouth),
	"GET /api/v1/me/youths":                    only(domain.RoleCounsellor), // the service keeps to the counsellor's structures
	"GET /api/v1/offers/:id/sessions":          public,
	"POST /api/v1/offers/:id/sessions":         only(domain.RoleEmployer),
	"POST /api/v1/offers/:id/applications":     only(domain.RoleYouth),
	"GET /api/v1/bookings":                     only(domain.RoleCounsellor, domain.RoleEmployer, domain.RoleStaff),
	"POST /api/v1/bookings":                    only(domain.RoleCounsellor),
	"POST /api/v1/bookings/:id/cancel":         only(domain.RoleCounsellor, domain.RoleEmployer),
	"POST /api/v1/bookings/:id/attendance":     only(domain.RoleCounsellor, domain.RoleEmployer),
	"GET /api/v1/bookings/:id/calendar.ics":    only(domain.RoleCounsellor, domain.RoleEmployer, domain.RoleStaff),
	"GET /api/v1/applications":                 only(domain.RoleYouth, domain.RoleEmployer),
	"POST /api/v1/applications/:id/status":     only(domain.RoleEmployer),
	"POST /api/v1/applications/:id/withdraw":   only(domain.RoleYouth),
	"POST /api/v1/applications/:id/extend":     only(domain.RoleEmployer),
	"GET /api/v1/applications/:id/cv":          only(domain.RoleYouth, domain.RoleEmployer),
	"GET /api/v1/applications/:id/messages":    only(domain.RoleYouth, domain.RoleEmployer, domain.RoleStaff),
	"POST /api/v1/applications/:id/messages":   only(domain.RoleYouth, domain.RoleEmployer),
	"GET /employeurs/offres":                   only(domain.RoleEmployer),
	"GET /employeurs/offres/nouvelle":          only(domain.RoleEmployer),
	"POST /employeurs/offres":                  only(domain.RoleEmployer),
	"GET /employeurs/offres/:id":               only(domain.RoleEmployer),
	"POST /employeurs/offres/:id/creneaux":     only(domain.RoleEmployer),
	"POST /employeurs/offres/:id/cloture":      only(domain.RoleEmployer),
	"GET /employeurs/offres/:id/modifier":      only(domain.RoleEmployer),
	"POST /employeurs/offres/:id/modifier":     only(domain.RoleEmployer),
	"POST /employeurs/offres/:id/duplication":  only(domain.RoleEmployer),
	"POST /employeurs/candidatures/:id/statut": only(domain.RoleEmployer),
	"GET /employeurs/candidatures/:id":         only(domain.RoleEmployer),
	"POST /reservations/:id/annulation":        only(domain.RoleCounsellor, domain.RoleEmployer),
	"POST /reservations/:id/presence":          only(domain.RoleCounsellor, domain.RoleEmployer),
	"GET /offres/:id/creneaux":                 public,
	"GET /visites/:id/reserver":                only(domain.RoleCounsellor),
	"POST /visites/:id/reserver":               only(domain.RoleCounsellor),
	"GET /etablissements/reservations":         only(domain.RoleCounsellor),
	"GET /offres/:id/candidater":               only(domain.RoleYouth),
	"POST /offres/:id/candidater":              only(domain.RoleYouth),
	"GET /jeunes/candidatures":                 only(domain.RoleYouth),
	"POST /candidatures/:id/retrait":           only(domain.RoleYouth),
	"GET /jeunes/candidatures/:id":             only(domain.RoleYouth),
	"POST /candidatures/:id/messages":          only(domain.RoleYouth, domain.RoleEmployer),
	"POST /offres/:id/favori":                  only(domain.RoleYouth),
	"POST /offres/:id/favori/retrait":          only(domain.RoleYouth),
	"GET /agents/moderation":                   staff,
	"GET /agents/reservations":                 staff,
	"POST /agents/moderation/:id/publication":  staff,
	"POST /agents/moderation/:id/refus":        staff,
	"GET /exports/:what/:format":               only(domain.RoleEmployer, domain.RoleStaff),

	// Saved searches: the store finds only the signed-in youth's own.
	"POST /offres/recherches":                   only(domain.RoleYouth),
	"POST /jeunes/recherches/:id/suppression":   only(domain.RoleYouth),
	"POST /jeunes/recherches/:id/recapitulatif": only(domain.RoleYouth),
}

// memberOf is the ownership rule "own organisation": the :id of the URL is
// one of the user's organisations.
func memberOf(c *fiber.Ctx, u *domain.User) (bool, error) {
	return slices.Contains(u.OrganisationIDs, c.Params("id")), nil
}
