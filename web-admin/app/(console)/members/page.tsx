import { getLocale, getTranslations } from 'next-intl/server';

import { MembersTable, type ContactCell, type MemberRow } from '@/components/members/members-table';
import { MembersTabs } from '@/components/members/members-tabs';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDate, formatNumber } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { MembersList, type ConsentChannel, type MembersFilter, type MemberTier } from './members.graphql';

const TIERS: MemberTier[] = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'];
const CONSENTS: ConsentChannel[] = ['EMAIL', 'SMS', 'LINE', 'WECHAT'];

/** The URL's search and filters (?q=&tier=&tag=&consent=&disabled=1) as the API's filter. */
function filterOf(params: SearchParams): MembersFilter {
  const tier = param(params, 'tier');
  const consent = param(params, 'consent');
  return {
    ...(param(params, 'q') ? { query: param(params, 'q')! } : {}),
    ...(tier && (TIERS as string[]).includes(tier) ? { tier: [tier as MemberTier] } : {}),
    ...(param(params, 'tag') ? { tag: param(params, 'tag')! } : {}),
    ...(consent && (CONSENTS as string[]).includes(consent) ? { consent: consent as ConsentChannel } : {}),
    ...(param(params, 'disabled') === '1' ? { disabled: true } : {}),
  };
}

/** The full value when the viewer may read it, else the masked form (marked as such). */
function contact(full: string | null, masked: string | null): ContactCell {
  if (full) return { text: full, masked: false };
  if (masked) return { text: masked, masked: true };
  return { text: null, masked: false };
}

export default async function MembersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'members')) return <Forbidden />;
  const params = await searchParams;
  const filter = filterOf(params);
  const [{ data, errors }, locale, t] = await Promise.all([
    request(MembersList, { ...pageVariables(params), filter }),
    getLocale(),
    getTranslations('members'),
  ]);
  if (!data?.members) return pageFailure(errors);
  const { members } = data;
  const rows: MemberRow[] = members.edges.map(({ node }) => ({
    id: node.id,
    displayName: node.displayName,
    tier: node.tier,
    points: formatNumber(node.points ?? 0, locale),
    email: contact(node.email, node.maskedEmail),
    phone: contact(node.phone, node.maskedPhone),
    createdAt: node.createdAt ? formatDate(node.createdAt, locale, shop) : '',
  }));
  return (
    <>
      <PageHeader title={t('title')} />
      <MembersTabs />
      {/* A plain GET form: the URL holds the list state, so a search is a link that can be shared. */}
      <form method="get" data-testid="members-filters" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 16 }}>
        <input name="q" type="search" defaultValue={filter.query ?? ''} placeholder={t('search')} aria-label={t('search')} data-testid="members-search" />
        <select name="tier" defaultValue={filter.tier?.[0] ?? ''} aria-label={t('columns.tier')}>
          <option value="">{t('anyTier')}</option>
          {TIERS.map((tier) => (
            <option key={tier} value={tier}>{t(`tier.${tier}`)}</option>
          ))}
        </select>
        <input name="tag" defaultValue={filter.tag ?? ''} placeholder={t('tag')} aria-label={t('tag')} />
        <select name="consent" defaultValue={filter.consent ?? ''} aria-label={t('consent')}>
          <option value="">{t('anyConsent')}</option>
          {CONSENTS.map((channel) => (
            <option key={channel} value={channel}>{channel}</option>
          ))}
        </select>
        <label>
          <input type="checkbox" name="disabled" value="1" defaultChecked={filter.disabled === true} /> {t('disabledOnly')}
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      <MembersTable rows={rows} />
      <Pager totalCount={members.totalCount} moreThanTotal={members.totalCountPrecision === 'AT_LEAST'} pageInfo={members.pageInfo} />
    </>
  );
}
