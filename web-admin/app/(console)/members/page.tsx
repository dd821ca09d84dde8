import { getLocale, getTranslations } from 'next-intl/server';

import { MembersTable, type MemberRow } from '@/components/members/members-table';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { formatDate, formatNumber } from '@/lib/format';
import { request } from '@/lib/graphql';

import { MembersList } from './members.graphql';

export default async function MembersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [{ members }, locale, t] = await Promise.all([
    request(MembersList, pageVariables(await searchParams)),
    getLocale(),
    getTranslations('members'),
  ]);
  const rows: MemberRow[] = members.edges.map(({ node }) => ({
    id: node.id,
    displayName: node.displayName,
    tier: node.tier,
    points: formatNumber(node.points, locale),
    createdAt: formatDate(node.createdAt, locale),
  }));
  return (
    <>
      <PageHeader title={t('title')} />
      <MembersTable rows={rows} />
      <Pager totalCount={members.totalCount} pageInfo={members.pageInfo} />
    </>
  );
}
