package campaign

import (
	"context"
	"log/slog"
	"strings"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/mail"
)

// notifyAll emails every counsellor the results of their groups, once per
// counsellor and campaign; it returns how many emails went out now. A
// failure is logged and the others are still sent: publishing again
// retries only the emails not yet recorded.
func (s *Service) notifyAll(ctx context.Context, v *View) (int, error) {
	sent := 0
	var failure error
	for _, groups := range byCounsellor(v.Groups) {
		err := s.notifyCounsellor(ctx, v, groups)
		switch {
		case err == nil:
			sent++
		case domain.ErrorCode(err) != domain.ECONFLICT: // a conflict: sent by an earlier publication
			s.logger.Error("campaign: result email not sent", slog.String("campaign", v.Campaign.ID), slog.Any("error", err))
			failure = err
		}
	}
	return sent, failure
}

// byCounsellor groups the groups by counsellor, in the order of the first group of each.
func byCounsellor(groups []domain.CampaignGroup) [][]domain.CampaignGroup {
	index := map[string]int{}
	var out [][]domain.CampaignGroup
	for _, g := range groups {
		i, ok := index[g.CounsellorID]
		if !ok {
			i, index[g.CounsellorID] = len(out), len(out)
			out = append(out, nil)
		}
		out[i] = append(out[i], g)
	}
	return out
}

func (s *Service) notifyCounsellor(ctx context.Context, v *View, groups []domain.CampaignGroup) error {
	key := "campaign_result/" + v.Campaign.ID + "/" + groups[0].CounsellorID
	msg := s.resultMessage(v, groups)
	msg.ID = key
	return s.mailer.SendCommitted(ctx, msg, func(ctx context.Context) error {
		return s.store.RecordCampaignNotice(ctx, key, s.now())
	})
}

// resultMessage is the email of one counsellor, in French.
func (s *Service) resultMessage(v *View, groups []domain.CampaignGroup) mail.Message {
	t := func(key string, args ...any) string { return s.catalog.T("fr", key, args...) }
	lines := []string{t("email.greeting", groups[0].CounsellorName), "", t("email.campaign_result.intro", v.Campaign.Title), ""}
	for _, g := range groups {
		lines = append(lines, "- "+s.outcome(v, g), "  "+t("email.campaign_result.why", v.Campaign.ResultOf(g.ID).Explanation))
	}
	link := strings.TrimSuffix(s.cfg.BaseURL, "/") + "/campagnes/" + v.Campaign.ID
	lines = append(lines, "", t("email.campaign_result.cta")+" : "+link, "", t("email.signature"), "--", t("email.footer"))
	return mail.Message{To: []mail.Address{{Name: groups[0].CounsellorName, Email: groups[0].CounsellorEmail}},
		Subject: t("email.campaign_result.subject", v.Campaign.Title), Text: strings.Join(lines, "\n")}
}

// outcome says in one line what a group got.
func (s *Service) outcome(v *View, g domain.CampaignGroup) string {
	vs := v.Session(v.Campaign.ResultOf(g.ID).SessionID)
	if vs == nil {
		return s.catalog.T("fr", "email.campaign_result.none", g.Name)
	}
	return s.catalog.T("fr", "email.campaign_result.granted", g.Name, vs.OfferTitle, vs.OrganisationName,
		i18n.DateTime("fr", vs.StartsAt))
}
