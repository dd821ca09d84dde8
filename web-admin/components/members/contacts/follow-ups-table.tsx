'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';

import type { FollowUpEntry } from '@/app/(console)/members/follow-ups/follow-ups.graphql';
import { ListTable } from '@/components/list/list-table';
import type { Connection } from '@/lib/connection';
import { formatDateTime, formatDay, type ShopCalendar } from '@/lib/format';

import { FollowUpDoneButton } from './follow-up-done-button';

/** Open follow-ups due today or earlier, earliest first, a page at a time; each links to its member. */
export function FollowUpsTable({ connection, canWrite, shop }: { connection: Connection<FollowUpEntry>; canWrite: boolean; shop: ShopCalendar }) {
  const t = useTranslations('memberDesk.contacts');
  const locale = useLocale();
  return (
    <ListTable<FollowUpEntry>
      connection={connection}
      emptyText={t('noFollowUps')}
      rowData={(entry) => ({ 'data-testid': 'follow-up-row', 'data-member': entry.member?.id ?? '' })}
      columns={[
        { key: 'followUpOn', title: t('followUpOn'), render: (_, entry) => (entry.followUpOn ? formatDay(entry.followUpOn, locale, shop) : '') },
        {
          key: 'member',
          title: t('member'),
          render: (_, entry) => (entry.member ? <Link href={`/members/${entry.member.id}`} data-testid="follow-up-member">{entry.member.displayName ?? entry.member.id}</Link> : ''),
        },
        { key: 'channel', title: t('channel'), render: (_, entry) => t(`channels.${entry.channel}`) },
        { key: 'summary', dataIndex: 'summary', title: t('summary') },
        { key: 'createdAt', title: t('loggedAt'), render: (_, entry) => formatDateTime(entry.createdAt, locale, shop) },
        ...(canWrite ? [{ key: 'done', title: '', render: (_: unknown, entry: FollowUpEntry) => <FollowUpDoneButton entryId={entry.id} /> }] : []),
      ]}
    />
  );
}
