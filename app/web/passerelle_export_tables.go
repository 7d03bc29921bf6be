package web

import (
	"strconv"

	"passerelle/app/domain"
)

// table is an export: French headers, then one row per item, every cell
// already formatted the French way.
type table struct {
	name    string // file name without extension
	headers []string
	rows    [][]string
}

func offersTable(l localizer, offers []domain.Offer) table {
	t := table{name: "offres", headers: []string{"Identifiant", "Organisation", "Type", "Titre", "Commune", "Âges",
		"Début", "Fin", "Places", "Places restantes", "Statut", "Créée le"}}
	for _, o := range offers {
		t.rows = append(t.rows, []string{o.ID, o.OrganisationName, l.OfferType(o.Type), o.Title, l.Commune(o.CommuneCode),
			l.Ages(o.AgeMin, o.AgeMax), l.Date(o.StartDate), l.Date(o.EndDate), strconv.Itoa(o.Places),
			strconv.Itoa(o.PlacesLeft), l.T("passerelle.offer.status." + string(o.Status)), l.Date(o.CreatedAt)})
	}
	return t
}

func bookingsTable(l localizer, bookings []domain.Booking) table {
	t := table{name: "reservations", headers: []string{"Identifiant", "Offre", "Créneau", "Groupe", "Niveau", "Jeunes",
		"Accompagnateurs", "Éducation prioritaire", "Conseiller", "Statut", "Motif d'annulation", "Réservée le"}}
	for _, b := range bookings {
		t.rows = append(t.rows, []string{b.ID, b.OfferID, b.SessionID, b.GroupName, b.GroupLevel, strconv.Itoa(b.Seats),
			strconv.Itoa(b.Adults), yesNo(b.Priority), b.CounsellorName, l.T("passerelle.booking.status." + string(b.Status)),
			b.CancelReason, l.DateTime(b.CreatedAt)})
	}
	return t
}

func applicationsTable(l localizer, apps []domain.Application) table {
	t := table{name: "candidatures", headers: []string{"Identifiant", "Offre", "Jeune", "Statut", "Envoyée le",
		"Sans réponse, expire le", "Délai prolongé"}}
	for _, a := range apps {
		t.rows = append(t.rows, []string{a.ID, a.OfferTitle, a.YouthName,
			l.T("passerelle.application.status." + string(a.Status)), l.Date(a.CreatedAt), l.Date(a.ExpiresAt), yesNo(a.Extended)})
	}
	return t
}

func yesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}
