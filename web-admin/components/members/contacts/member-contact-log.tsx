import { getTranslations } from 'next-intl/server';

import { pageFailure } from '@/components/shell/forbidden';
import { request } from '@/lib/graphql';
import { getShopSettings } from '@/lib/shop-settings';
import { shopToday } from '@/lib/shop-time';

import { ContactEntries } from './contact-entries';
import { ContactLogForm } from './contact-log-form';
import { MemberContacts } from './contacts.graphql';

/** The member 360 page's contact log: the latest 50 entries and, for members:write, "Log a contact" (not on a merged member). */
export async function MemberContactLog({ memberId, canWrite }: { memberId: string; canWrite: boolean }) {
  const [{ data, errors }, t, shop] = await Promise.all([
    request(MemberContacts, { memberId, first: 50 }),
    getTranslations('memberDesk.contacts'),
    getShopSettings(),
  ]);
  const log = data?.memberContactLog;
  if (!log) return pageFailure(errors);
  return (
    <section data-testid="member-contact-log">
      <h2>{t('title', { count: log.totalCount })}</h2>
      {canWrite && !data.member?.mergedInto ? <ContactLogForm memberId={memberId} today={shopToday(shop.timeZone)} /> : null}
      <ContactEntries entries={log.edges.map(({ node }) => node)} canWrite={canWrite} shop={shop} />
    </section>
  );
}
