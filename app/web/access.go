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

	"GET /organisations/nouvelle":                 only(domain.RoleCounsellor, domain.RoleEmployer, domain.RoleApplicant),
	"POST /organisations/nouvelle":                only(domain.RoleCounsellor, domain.RoleEmployer, domain.RoleApplicant),
	"GET /organisations/:id":                      signedIn.ownedBy("member", memberOf),
	"POST /organisations/:id/invitations":         signedIn.ownedBy("member", memberOf),
	"GET /invitations/:token":                     signedIn,
	"POST /invitations/:token":                    signedIn,
	"GET /agents/organisations":                   staff,
	"POST /agents/organisations/:id/verification": staff,
}

// memberOf is the ownership rule "own organisation": the :id of the URL is
// one of the user's organisations.
func memberOf(c *fiber.Ctx, u *domain.User) bool {
	return slices.Contains(u.OrganisationIDs, c.Params("id"))
}
