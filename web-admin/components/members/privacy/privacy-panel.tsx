import { getTranslations } from 'next-intl/server';

import { pageFailure } from '@/components/shell/forbidden';
import { request } from '@/lib/graphql';
import { getShopSettings } from '@/lib/shop-settings';

import { PrivacyRequests } from './privacy-requests';
import { MemberPrivacy } from './privacy.graphql';

/** The member 360's privacy section: export the member's data, erase it, and the requests so far. */
export async function MemberPrivacyPanel({ memberId }: { memberId: string }) {
  const [{ data, errors }, t, shop] = await Promise.all([request(MemberPrivacy, { id: memberId }), getTranslations('privacy'), getShopSettings()]);
  const connection = data?.member?.privacyRequests;
  if (!connection) return pageFailure(errors);
  return (
    <section data-testid="member-privacy">
      <h2>{t('title')}</h2>
      <PrivacyRequests memberId={memberId} initial={connection.edges.map(({ node }) => node)} shop={shop} />
    </section>
  );
}
