import { getLocale, getTranslations } from 'next-intl/server';

import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { ShopSettingsForm } from '@/components/settings/shop-settings-form';
import { allows } from '@/lib/access';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { getViewer } from '@/lib/viewer';

/** The shop's settings (settings:manage): time zone, currency, fiscal week start and calendars. */
export default async function SettingsPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'settings')) return <Forbidden />;
  const [shop, locale, t] = await Promise.all([getShopSettings(), getLocale(), getTranslations('settings')]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <p data-testid="settings-now">{t('now', { now: formatDateTime(new Date().toISOString(), locale, shop) })}</p>
      <ShopSettingsForm initial={shop} />
    </>
  );
}
