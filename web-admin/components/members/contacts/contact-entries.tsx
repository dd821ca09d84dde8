'use client';

import { List, Tag, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { formatDateTime, formatDay, type ShopCalendar } from '@/lib/format';

import type { ContactEntry } from './contacts.graphql';
import { FollowUpDoneButton } from './follow-up-done-button';

/** A member's contact log, newest first: when, how, what, and the follow-up with its state. */
export function ContactEntries({ entries, canWrite, shop }: { entries: ContactEntry[]; canWrite: boolean; shop: ShopCalendar }) {
  const t = useTranslations('memberDesk.contacts');
  const locale = useLocale();
  return (
    <List
      size="small"
      dataSource={entries}
      locale={{ emptyText: t('empty') }}
      renderItem={(entry) => (
        <List.Item
          data-testid="contact-entry"
          data-channel={entry.channel}
          actions={canWrite && entry.followUpOn && !entry.followUpDone ? [<FollowUpDoneButton key="done" entryId={entry.id} />] : []}
        >
          <List.Item.Meta
            title={`${formatDateTime(entry.createdAt, locale, shop)} · ${t(`channels.${entry.channel}`)}`}
            description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.summary}</Typography.Text>}
          />
          {entry.followUpOn ? (
            <Tag color={entry.followUpDone ? 'green' : 'orange'} data-testid="contact-follow-up-tag">
              {t(entry.followUpDone ? 'followUpDone' : 'followUpDue', { day: formatDay(entry.followUpOn, locale, shop) })}
            </Tag>
          ) : null}
        </List.Item>
      )}
    />
  );
}
