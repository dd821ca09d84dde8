import { getTranslations } from 'next-intl/server';

import { CampaignEditor } from '@/components/group-buys/campaign-editor';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { getShopSettings } from '@/lib/shop-settings';
import { toShopLocal } from '@/lib/shop-time';
import { getViewer } from '@/lib/viewer';

const DAY = 86_400_000;

export default async function NewGroupBuyCampaignPage() {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'groupBuys') || !viewer.scopes.includes('marketing:write')) return <Forbidden />;
  const t = await getTranslations('groupBuys');
  const now = Date.now();
  return (
    <>
      <PageHeader title={t('new')} description={t('timeZoneNote', { timeZone: shop.timeZone })} />
      <CampaignEditor
        draft={{
          id: null,
          product: null,
          titles: { en: '', th: '', 'zh-CN': '', 'zh-TW': '', ar: '' },
          amount: '',
          currencyCode: 'THB',
          groupSize: 3,
          fillMinutes: 1440,
          startsAt: toShopLocal(new Date(now).toISOString(), shop.timeZone),
          endsAt: toShopLocal(new Date(now + 7 * DAY).toISOString(), shop.timeZone),
        }}
        editable
      />
    </>
  );
}
