import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';

import { MemberBehaviour } from '@/components/members/behaviour/behaviour-summary';
import { MemberContactLog } from '@/components/members/contacts/member-contact-log';
import { MemberStoreCredit } from '@/components/members/credit/member-store-credit';
import { MemberPointsLedger } from '@/components/members/loyalty/points-ledger';
import { MemberEditors } from '@/components/members/profile/member-editors';
import { MemberStatistics } from '@/components/members/statistics/member-statistics';
import { MemberPrivacyPanel } from '@/components/members/privacy/privacy-panel';
import { MemberRecommendedProducts } from '@/components/members/recommendations/recommended-products';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { formatDate } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { MemberDetail } from '../members.graphql';

/** The member 360: profile, tags, consents and their history, addresses, contact log and orders, as far as the viewer may read them. */
export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'members')) return <Forbidden />;
  const { id } = await params;
  const [{ data, errors }, locale, t] = await Promise.all([request(MemberDetail, { id }), getLocale(), getTranslations('members')]);
  const member = data?.member;
  if (!member) return pageFailure(errors);
  const none = <span>{t('none')}</span>;
  return (
    <>
      <PageHeader title={member.displayName ?? member.id} />
      <p>
        <Link href="/members">{t('back')}</Link>
      </p>
      <section data-testid="member-profile">
        <h2>{t('profile')}</h2>
        <dl>
          <dt>{t('columns.email')}</dt>
          <dd>{member.email ?? member.maskedEmail ?? '—'}</dd>
          <dt>{t('columns.phone')}</dt>
          <dd>{member.phone ?? member.maskedPhone ?? '—'}</dd>
          <dt>{t('birthday')}</dt>
          <dd>{member.birthday ?? '—'}</dd>
          <dt>{t('columns.tier')}</dt>
          <dd>{member.tier ? t(`tier.${member.tier}`) : '—'}</dd>
          <dt>{t('segments')}</dt>
          <dd data-testid="member-segments">
            {member.segments?.length
              ? member.segments.map((segment, index) => (
                  <span key={segment.id}>
                    {index ? ', ' : ''}
                    <Link href={`/members/segments/${segment.id}`}>{segment.name}</Link>
                  </span>
                ))
              : '—'}
          </dd>
          <dt>{t('lastSeen')}</dt>
          <dd>{member.lastSeenAt ? formatDate(member.lastSeenAt, locale, shop) : '—'}</dd>
          {member.disabled ? <dd data-testid="member-disabled">{t('disabled')}</dd> : null}
          {member.notes ? (
            <>
              <dt>{t('notes')}</dt>
              <dd>{member.notes}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <MemberEditors memberId={member.id} />
      <MemberStatistics memberId={member.id} />
      <MemberPointsLedger memberId={member.id} canAdjust={can(viewer, 'members:write')} />
      <MemberStoreCredit memberId={member.id} canAdjust={can(viewer, 'members:write')} />
      <MemberBehaviour memberId={member.id} />
      <MemberRecommendedProducts memberId={member.id} />
      <section data-testid="member-consent-history">
        <h3>{t('consentHistory')}</h3>
        <ul>
          {(member.consentHistory ?? []).map((h) => (
            <li key={`${h.createdAt}-${h.channel}`}>
              {formatDate(h.createdAt, locale, shop)} · {h.channel} · {h.granted ? t('granted') : t('revoked')} · {h.source}
            </li>
          ))}
        </ul>
      </section>
      <MemberContactLog memberId={member.id} canWrite={can(viewer, 'members:write')} />
      <section data-testid="member-orders">
        <h2>{t('orders')}</h2>
        {member.orders?.edges.length ? (
          <ul>
            {member.orders.edges.map(({ node }) => (
              <li key={node.id}>
                <Link href={`/orders/${node.id}`}>{node.number}</Link> · {node.status} · {formatDate(node.createdAt, locale, shop)}
              </li>
            ))}
          </ul>
        ) : none}
      </section>
      {can(viewer, 'members:write') && can(viewer, 'members:read_pii') ? <MemberPrivacyPanel memberId={member.id} /> : null}
    </>
  );
}
