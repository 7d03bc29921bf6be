package campaign

import (
	"context"
	"strings"

	"passerelle/app/domain"
	"passerelle/app/i18n"
)

// notifyAll queues, for every counsellor, one email with the results of
// their groups, keyed by campaign and counsellor: publishing again queues
// nothing more. It returns how many emails were queued now.
func (s *Service) notifyAll(ctx context.Context, v *View) (int, error) {
	var notices []domain.Notice
	for _, groups := range byCounsellor(v.Groups) {
		notices = append(notices, s.resultNotice(v, groups))
	}
	if len(notices) == 0 {
		return 0, nil
	}
	return s.notifier.SendNotices(ctx, notices)
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

// resultNotice is the email of one counsellor: each group's outcome and
// why, in the platform's language (French), as the allocation explains it.
func (s *Service) resultNotice(v *View, groups []domain.CampaignGroup) domain.Notice {
	lines := make([]string, 0, 2*len(groups))
	for _, g := range groups {
		lines = append(lines, "- "+s.outcome(v, g),
			"  "+s.catalog.T(i18n.Default, "email.campaign_result.why", v.Campaign.ResultOf(g.ID).Explanation))
	}
	link := strings.TrimSuffix(s.cfg.BaseURL, "/") + "/campagnes/" + v.Campaign.ID
	first := groups[0]
	return domain.Notice{Key: "campaign_result/" + v.Campaign.ID + "/" + first.CounsellorID,
		To:   domain.NoticeRecipient{Name: first.CounsellorName, Email: first.CounsellorEmail},
		Text: "email.campaign_result",
		Args: []any{first.CounsellorName, v.Campaign.Title, strings.Join(lines, "\n"), link}}
}

// outcome says in one line what a group got.
func (s *Service) outcome(v *View, g domain.CampaignGroup) string {
	vs := v.Session(v.Campaign.ResultOf(g.ID).SessionID)
	if vs == nil {
		return s.catalog.T(i18n.Default, "email.campaign_result.none", g.Name)
	}
	return s.catalog.T(i18n.Default, "email.campaign_result.granted", g.Name, vs.OfferTitle, vs.OrganisationName,
		i18n.DateTime(i18n.Default, vs.StartsAt))
}
