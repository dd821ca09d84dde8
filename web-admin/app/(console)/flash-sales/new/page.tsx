import { getTranslations } from 'next-intl/server';

import { FlashSaleForm } from '@/components/flash-sales/flash-sale-form';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { getShopSettings } from '@/lib/shop-settings';
import { getViewer } from '@/lib/viewer';

export default async function NewFlashSalePage() {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'flashSales')) return <Forbidden />;
  const t = await getTranslations('flashSales');
  return (
    <>
      <PageHeader title={t('new')} />
      <FlashSaleForm
        draft={{ id: null, titles: {}, startsAt: null, endsAt: null, channels: [], paymentTimeoutMinutes: 10 }}
        timeZone={shop.timeZone}
        editable={viewer.scopes.includes('marketing:write')}
      />
    </>
  );
}
