import { getTranslations } from 'next-intl/server';

import { LoyaltySettingsForm } from '@/components/members/loyalty/loyalty-settings-form';
import { TierRulesForm } from '@/components/members/loyalty/tier-rules-form';
import { MembersTabs } from '@/components/members/members-tabs';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { LoyaltySettingsView, TierRulesList } from './tiers.graphql';

export default async function TierSettingsPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'members')) return <Forbidden />;
  const [{ data, errors }, settings, t] = await Promise.all([
    request(TierRulesList, {}),
    request(LoyaltySettingsView, {}),
    getTranslations('loyalty'),
  ]);
  const programme = settings.data?.loyaltySettings;
  if (!data?.tierRules || !programme) return pageFailure(errors ?? settings.errors);
  const rules = data.tierRules.filter((rule) => rule !== null);
  const editable = viewer.scopes.includes('members:write');
  return (
    <>
      <PageHeader title={t('tiers.title')} />
      <MembersTabs />
      <LoyaltySettingsForm
        currencyCode={programme.currencyCode}
        editable={editable}
        settings={{
          earnPoints: programme.earnPoints,
          earnPer: programme.earnPer.amount,
          pointValue: programme.pointValue.amount,
          pointsExpireDays: programme.pointsExpireDays,
          birthdayPoints: programme.birthdayPoints,
          winBackDays: programme.winBackDays,
        }}
      />
      <TierRulesForm rules={rules} editable={editable} />
    </>
  );
}
