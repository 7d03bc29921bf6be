package demo

import (
	"fmt"
	"strings"
	"time"

	"passerelle/app/domain"
)

// title names an offer in French from its type and job.
func (g *generator) title(o *domain.Offer, j job) string {
	switch o.Type {
	case domain.OfferApprenticeship:
		return fmt.Sprintf("Apprentissage : %s (%s)", j.name, j.diploma)
	case domain.OfferProfessionalisation:
		return "Contrat de professionnalisation : " + j.name
	case domain.OfferInternship3e:
		return "Stage de 3e : découvrir le métier " + of(j.name)
	case domain.OfferInternship2nde:
		return "Stage de seconde : le métier " + of(j.name) + " au quotidien"
	case domain.OfferInternship:
		return fmt.Sprintf("Stage de %d semaines : %s", weeks(o), j.name)
	case domain.OfferJob:
		return fmt.Sprintf("Job %s : %s", g.jobSchedule(o), j.name)
	case domain.OfferVisit:
		return "Visite : " + o.OrganisationName + " ouvre ses portes"
	}
	return "Découvrir l'ESS : immersion chez " + o.OrganisationName
}

// jobSchedule says when a job is worked; a job starting in summer is a
// summer job.
func (g *generator) jobSchedule(o *domain.Offer) string {
	if month := o.StartDate.Month(); month >= time.June && month <= time.August {
		return "d'été"
	}
	return pick(g, []string{"le week-end", "pendant les vacances scolaires", "à temps partiel"})
}

// weeks is the length of an offer in started weeks.
func weeks(o *domain.Offer) int {
	return int(o.EndDate.Sub(o.StartDate).Hours()/24/7) + 1
}

// description writes an offer's text: who the employer is, what the offer
// is, what the youth will do, and the practical details.
func (g *generator) description(o *domain.Offer, org domain.Organisation, s *sector, t trade, j job) string {
	paragraphs := []string{org.Name + " " + t.activity + essStatus(org.Kind), g.intro(o, j)}
	if o.Type == domain.OfferVisit {
		paragraphs = append(paragraphs, "Au programme : "+s.visit+".")
	} else {
		paragraphs = append(paragraphs, j.missions[0]+" "+j.missions[1])
	}
	paragraphs = append(paragraphs, closings[o.Type])
	if o.Accessible {
		paragraphs = append(paragraphs, "Les locaux sont accessibles aux personnes à mobilité réduite.")
	}
	if o.Remote {
		paragraphs = append(paragraphs, "Le télétravail est possible une partie de la semaine.")
	}
	return strings.Join(paragraphs, "\n\n")
}

func essStatus(kind domain.OrganisationKind) string {
	switch kind {
	case domain.KindAssociation:
		return " Association de l'économie sociale et solidaire, elle met son activité au service du territoire."
	case domain.KindESUS:
		return " Entreprise agréée ESUS, elle réinvestit ses bénéfices dans son projet social."
	}
	return ""
}

func (g *generator) intro(o *domain.Offer, j job) string {
	switch o.Type {
	case domain.OfferApprenticeship:
		return fmt.Sprintf("Nous accueillons un·e apprenti·e %s pour préparer %s en alternance, entre le centre de formation et notre équipe.", j.name, the(j.diploma))
	case domain.OfferProfessionalisation:
		return fmt.Sprintf("Nous proposons un contrat de professionnalisation pour devenir %s : une qualification reconnue, un salaire et une vraie expérience de terrain.", j.name)
	case domain.OfferInternship3e:
		return fmt.Sprintf("Pendant une semaine, un·e élève de 3e découvre le quotidien de notre équipe et le métier %s.", of(j.name))
	case domain.OfferInternship2nde:
		return fmt.Sprintf("Nous accueillons des élèves de seconde pour leurs deux semaines de stage d'observation, au plus près du métier %s.", of(j.name))
	case domain.OfferInternship:
		return fmt.Sprintf("Stage de %d semaines pour un·e élève de bac pro ou un·e étudiant·e qui se forme au métier %s.", weeks(o), of(j.name))
	case domain.OfferJob:
		return fmt.Sprintf("Nous renforçons notre équipe : un premier emploi pour apprendre le métier %s.", of(j.name))
	case domain.OfferVisit:
		return "Nous ouvrons nos portes aux groupes de collégiens, de lycéens et de jeunes accompagnés : visite des locaux, rencontre avec les équipes et échanges sur nos métiers."
	}
	return "Une immersion pour comprendre ce qu'est une structure de l'économie sociale et solidaire : sa gouvernance, son utilité sociale et ses métiers au service du territoire."
}

var closings = map[domain.OfferType]string{
	domain.OfferApprenticeship:      "Le contrat est rémunéré selon votre âge et votre année de formation. Un maître d'apprentissage vous accompagne tout au long du parcours.",
	domain.OfferProfessionalisation: "Vous alternez formation et activité en entreprise ; un tuteur ou une tutrice vous accompagne.",
	domain.OfferInternship3e:        "Aucune connaissance préalable n'est demandée : la curiosité suffit ! Les horaires sont adaptés aux collégiens.",
	domain.OfferInternship2nde:      "Un tuteur ou une tutrice vous présente chaque service : vous repartirez avec une idée claire du métier.",
	domain.OfferInternship:          "Le stage est gratifié selon la réglementation en vigueur, avec un tuteur ou une tutrice dédié·e.",
	domain.OfferJob:                 "Contrat de travail rémunéré, avec des horaires compatibles avec les études.",
	domain.OfferVisit:               "Prévoir des chaussures fermées. Un membre de l'équipe accompagne le groupe du début à la fin de la visite.",
	domain.OfferESSDiscovery:        "Vous rencontrerez salariés et bénévoles et participerez à une activité concrète de la structure.",
}
