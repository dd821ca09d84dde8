import { getLocale, getTranslations } from 'next-intl/server';

import { MembersTable, type ContactCell, type MemberRow } from '@/components/members/members-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { formatDate, formatNumber } from '@/lib/format';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { MembersList } from './members.graphql';

/** The full value when the viewer may read it, else the masked form (marked as such). */
function contact(full: string | null, masked: string | null): ContactCell {
  if (full) return { text: full, masked: false };
  if (masked) return { text: masked, masked: true };
  return { text: null, masked: false };
}

export default async function MembersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'members')) return <Forbidden />;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(MembersList, pageVariables(await searchParams)),
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
    createdAt: node.createdAt ? formatDate(node.createdAt, locale) : '',
  }));
  return (
    <>
      <PageHeader title={t('title')} />
      <MembersTable rows={rows} />
      <Pager totalCount={members.totalCount} pageInfo={members.pageInfo} />
    </>
  );
}
