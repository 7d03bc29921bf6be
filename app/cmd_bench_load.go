package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"passerelle/app/demo"
	"passerelle/app/domain"
	"passerelle/search/bench"
)

// loadPaths are the searches the /offres mix sends in turn: browsing, text,
// typo around a commune, filters, and one that needs relaxing.
var loadPaths = []string{
	"/offres",
	"/offres?q=boulangerie",
	"/offres?q=boulangre&near=92050&radius=10&sort=distance",
	"/offres?type=apprenticeship&age=17&page=2",
	"/offres?q=informatique&near=92012&radius=5&ess=1",
	"/offres?q=boulangerie&near=92002&radius=2&tension=informatique",
}

// floorPath is the page that only renders a template: every other page's
// throughput is given as a share of its own, measured in the same run, so
// that runs on a busy or a quiet machine compare.
const floorPath = "/connexion"

// spacePaths are the landings of the five spaces.
var spacePaths = []string{"/jeunes", "/etablissements", "/employeurs", "/progress", "/agents"}

// benchRoles are the roles `--as` signs in as: the demo account's address
// and the pages of their space measured beside the landings.
var benchRoles = map[string]struct {
	local string
	pages []string
}{
	"youth":      {"jeune", []string{"/jeunes/candidatures"}},
	"counsellor": {"conseiller", []string{"/etablissements/reservations"}},
	"employer":   {"employeur", []string{"/employeurs/offres"}},
	"staff":      {"agent", []string{"/agents/organisations"}},
}

// loadScenario is a set of requests measured together.
type loadScenario struct {
	name string
	reqs []bench.Request
}

func benchLoad(ctx context.Context, env *cliEnv, args []string) error {
	fs := env.flags("bench load", "bench load --url URL [--as youth|counsellor|employer|staff (--password MOT | --cookie C)] "+
		"[--cookie C] [--clients N] [--duration D] [--warmup D]")
	base := fs.String("url", "", "adresse de la plateforme, ex. http://127.0.0.1:8080")
	clients := fs.Int("clients", 20, "clients simultanés")
	duration := fs.Duration("duration", 10*time.Second, "durée de la mesure de chaque page")
	warmup := fs.Duration("warmup", 2*time.Second, "durée de la chauffe avant chaque mesure")
	as := fs.String("as", "", "se connecter avec le compte de démonstration de ce rôle : youth, counsellor, employer ou staff")
	password := fs.String("password", os.Getenv("PASSERELLE_BENCH_PASSWORD"),
		"mot de passe de ce compte, affiché au chargement des données (ou $PASSERELLE_BENCH_PASSWORD)")
	cookie := fs.String("cookie", "", "cookie de session déjà ouverte, ex. p92_session=…, à la place du mot de passe")
	if err := parse(fs, args); err != nil {
		return err
	}
	role, known := benchRoles[*as]
	switch {
	case *base == "" || *clients < 1 || *duration <= 0 || *warmup < 0:
		return usageError{"--url, un nombre de clients et une durée positifs sont nécessaires"}
	case *as != "" && !known:
		return usageError{fmt.Sprintf("--as %q : rôle inconnu (youth, counsellor, employer ou staff)", *as)}
	case known && *password == "" && *cookie == "":
		return usageError{"--as demande --password (ou $PASSERELLE_BENCH_PASSWORD) ou --cookie"}
	}
	root := strings.TrimSuffix(*base, "/")
	client := bench.NewClient(*clients)
	session := *cookie
	if known && session == "" {
		var err error
		if session, err = benchSignIn(client, root, role.local+"@"+demo.EmailDomain, *password); err != nil {
			return err
		}
	}
	scenarios, err := loadScenarios(client, root, session, *as)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stderr, "%d pages, %s chacune après %s de chauffe, %d clients\n", len(scenarios), *duration, *warmup, *clients)
	reports := make([]*bench.LoadReport, len(scenarios))
	for i, sc := range scenarios {
		if *warmup > 0 {
			bench.Load(ctx, client, sc.reqs, *clients, *warmup)
		}
		reports[i] = bench.Load(ctx, client, sc.reqs, *clients, *duration)
		fmt.Fprintf(env.stderr, "  %s : %s requêtes/s\n", sc.name, loadRate(reports[i].Rate()))
	}
	printLoad(env.stdout, scenarios, reports, *clients)
	return nil
}

// loadScenarios lists what a run measures: the floor first, then the home
// page, the /offres mix and each space's landing, with the session's cookie
// when signed in; as a role, that role's pages; as a counsellor, a mix of
// booking POSTs (each books a group, or puts it on the waitlist).
func loadScenarios(client *http.Client, root, cookie, as string) ([]loadScenario, error) {
	get := func(name, cookie string, paths ...string) loadScenario {
		sc := loadScenario{name: name}
		for _, p := range paths {
			sc.reqs = append(sc.reqs, bench.Request{URL: root + p, Cookie: cookie})
		}
		return sc
	}
	who := "visiteur"
	if cookie != "" {
		who = "connecté"
		if as != "" {
			who = as
		}
	}
	list := []loadScenario{get(floorPath+" (plancher)", "", floorPath), get("/ ("+who+")", cookie, "/"),
		get("/offres, 6 recherches ("+who+")", cookie, loadPaths...)}
	for _, p := range spacePaths {
		list = append(list, get(p+" ("+who+")", cookie, p))
	}
	for _, p := range benchRoles[as].pages {
		list = append(list, get(p+" ("+who+")", cookie, p))
	}
	if as == "counsellor" {
		book, err := bookingMix(client, root, cookie)
		if err != nil {
			return nil, err
		}
		list = append(list, book)
	}
	return list, nil
}

var (
	csrfInput      = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)
	structureInput = regexp.MustCompile(`name="structure_id">\s*<option value="([^"]+)"`)
)

// benchSignIn signs in through the form, as a person would, and returns the
// Cookie header of the session.
func benchSignIn(client *http.Client, root, email, password string) (string, error) {
	page, anonymous, err := benchGet(client, root+floorPath, "")
	if err != nil {
		return "", err
	}
	token := csrfInput.FindStringSubmatch(page)
	if token == nil {
		return "", fmt.Errorf("bench load : pas de formulaire de connexion sur %s", floorPath)
	}
	form := url.Values{"_csrf": {token[1]}, "email": {email}, "password": {password}}
	req, err := http.NewRequest(http.MethodPost, root+floorPath, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Cookie", anonymous)
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "p92_session" && c.Value != "" {
			return c.Name + "=" + c.Value, nil
		}
	}
	return "", usageError{fmt.Sprintf("connexion refusée pour %s (statut %d) : vérifiez --password", email, resp.StatusCode)}
}

// benchGet returns a page and the cookies it set, as a Cookie header.
func benchGet(client *http.Client, u, cookie string) (string, string, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return "", "", err
	}
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("bench load : %s a répondu %d", u, resp.StatusCode)
	}
	var set []string
	for _, c := range resp.Cookies() {
		set = append(set, c.Name+"="+c.Value)
	}
	return string(body), strings.Join(set, "; "), err
}

// bookingMix finds the coming sessions of the first published visits, then
// returns the form posts that book a smallest group of the counsellor's
// first structure in each, in turn, joining the waitlist once full.
func bookingMix(client *http.Client, root, cookie string) (loadScenario, error) {
	sessions, err := comingSessions(client, root, cookie)
	if err != nil {
		return loadScenario{}, err
	}
	page, _, err := benchGet(client, root+"/visites/"+sessions[0].ID+"/reserver", cookie)
	if err != nil {
		return loadScenario{}, err
	}
	token, structure := csrfInput.FindStringSubmatch(page), structureInput.FindStringSubmatch(page)
	if token == nil || structure == nil {
		return loadScenario{}, fmt.Errorf("bench load : pas de formulaire de réservation pour la visite %s", sessions[0].ID)
	}
	sc := loadScenario{name: fmt.Sprintf("réservations POST, %d créneaux (counsellor)", len(sessions))}
	for _, s := range sessions {
		form := url.Values{"_csrf": {token[1]}, "structure_id": {structure[1]}, "group_name": {"Groupe du banc d'essai"},
			"group_level": {"3e"}, "seats": {fmt.Sprint(max(1, s.MinGroup))}, "adults": {"2"}, "waitlist": {"1"}}
		sc.reqs = append(sc.reqs, bench.Request{URL: root + "/visites/" + s.ID + "/reserver", Body: form.Encode(), Cookie: cookie})
	}
	return sc, nil
}

type benchSession struct {
	ID       string    `json:"id"`
	StartsAt time.Time `json:"starts_at"`
	MinGroup int       `json:"min_group"`
}

// comingSessions reads, through the API, the sessions of the visits the
// search lists first that start in more than two days.
func comingSessions(client *http.Client, root, cookie string) ([]benchSession, error) {
	body, _, err := benchGet(client, root+"/api/v1/search?type=visit", cookie)
	if err != nil {
		return nil, err
	}
	var found struct {
		Hits []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(body), &found); err != nil {
		return nil, fmt.Errorf("bench load : recherche des visites : %w", err)
	}
	var sessions []benchSession
	for _, h := range found.Hits {
		body, _, err := benchGet(client, root+"/api/v1/offers/"+h.ID+"/sessions", cookie)
		if err != nil {
			return nil, err
		}
		var page struct {
			Items []benchSession `json:"items"`
		}
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			return nil, fmt.Errorf("bench load : créneaux de %s : %w", h.ID, err)
		}
		for _, s := range page.Items {
			if s.StartsAt.After(time.Now().Add(48 * time.Hour)) {
				sessions = append(sessions, s)
			}
		}
	}
	if len(sessions) == 0 {
		return nil, fmt.Errorf("bench load : aucune visite à venir à réserver")
	}
	return sessions, nil
}

// printLoad writes one line per page, its throughput as a share of the
// floor's.
func printLoad(w io.Writer, scenarios []loadScenario, reports []*bench.LoadReport, clients int) {
	floor := reports[slices.IndexFunc(scenarios, func(s loadScenario) bool { return strings.HasPrefix(s.name, floorPath) })].Rate()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "page (%d clients)\trequêtes/s\t× plancher\tp50\tp95\tp99\terreurs\t\n", clients)
	for i, r := range reports {
		fmt.Fprintf(tw, "%s\t%s\t%.5f\t%s\t%s\t%s\t%d\t\n", scenarios[i].name, loadRate(r.Rate()), r.Rate()/floor,
			loadMs(bench.Percentile(r.Latencies, 50)), loadMs(bench.Percentile(r.Latencies, 95)),
			loadMs(bench.Percentile(r.Latencies, 99)), r.Errors)
	}
	tw.Flush()
}

// loadRate keeps two decimals below 10 requests/s: a page that takes
// seconds would otherwise show 0.
func loadRate(r float64) string {
	if r < 10 {
		return fmt.Sprintf("%.2f", r)
	}
	return fmt.Sprintf("%.0f", r)
}

func loadMs(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// benchSeats checks, in the database, the seats of every visit session
// after a booking load (the platform stopped, on the embedded database): no
// session holds more seats than its capacity, and its counter and holders
// are those of its bookings. It fails if one does not.
func benchSeats(ctx context.Context, env *cliEnv, args []string) error {
	// Parsed for --help and to refuse stray arguments before opening anything.
	if err := parse(env.flags("bench seats", "bench seats"), args); err != nil {
		return err
	}
	m, err := env.open(ctx)
	if err != nil {
		return err
	}
	defer m.shutdown()
	sessions, err := m.DB.SessionsStartingFrom(ctx, time.Time{})
	if err != nil {
		return err
	}
	ids := make([]string, len(sessions))
	for i := range sessions {
		ids[i] = sessions[i].ID
	}
	bookings, err := m.DB.BookingsOfSessions(ctx, ids)
	if err != nil {
		return err
	}
	c := checkSeats(sessions, bookings)
	fmt.Fprintf(env.stdout, "créneaux : %d, réservations : %d dont %d qui tiennent des places ; au-delà de la capacité : %d, compteurs faux : %d\n",
		len(sessions), len(bookings), c.holding, c.over, c.wrong)
	if c.over > 0 || c.wrong > 0 {
		return fmt.Errorf("bench seats : %d créneaux au-delà de leur capacité, %d aux compteurs faux", c.over, c.wrong)
	}
	return nil
}

// seatCheck is what checkSeats found: the bookings holding seats, the
// sessions holding more seats than their capacity, and those whose seats
// left or holders are not their bookings'.
type seatCheck struct{ holding, over, wrong int }

func checkSeats(sessions []domain.VisitSession, bookings []domain.Booking) seatCheck {
	held, holders := map[string]int{}, map[string]int{}
	var c seatCheck
	for _, b := range bookings {
		if b.Holds() {
			c.holding++
			held[b.SessionID] += b.Seats
			holders[b.SessionID]++
		}
	}
	for _, s := range sessions {
		switch {
		case held[s.ID] > s.Capacity:
			c.over++
		case s.SeatsLeft != s.Capacity-held[s.ID] || len(s.Holders) != holders[s.ID]:
			c.wrong++
		}
	}
	return c
}
