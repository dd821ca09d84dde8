import { getTranslations } from 'next-intl/server';

import { TierRulesForm } from '@/components/members/loyalty/tier-rules-form';
import { MembersTabs } from '@/components/members/members-tabs';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { TierRulesList } from './tiers.graphql';

export default async function TierSettingsPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'members')) return <Forbidden />;
  const [{ data, errors }, t] = await Promise.all([request(TierRulesList, {}), getTranslations('loyalty')]);
  if (!data?.tierRules) return pageFailure(errors);
  const rules = data.tierRules.filter((rule) => rule !== null);
  return (
    <>
      <PageHeader title={t('tiers.title')} />
      <MembersTabs />
      <TierRulesForm rules={rules} editable={viewer.scopes.includes('members:write')} />
    </>
  );
}
