'use client';

import { List, Tag, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { formatDateTime } from '@/lib/format';
import { formatDay } from '@/lib/shop-time';

import type { ContactEntry } from './contacts.graphql';
import { FollowUpDoneButton } from './follow-up-done-button';

/** A member's contact log, newest first: when, how, what, and the follow-up with its state. */
export function ContactEntries({ entries, canWrite }: { entries: ContactEntry[]; canWrite: boolean }) {
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
            title={`${formatDateTime(entry.createdAt, locale)} · ${t(`channels.${entry.channel}`)}`}
            description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.summary}</Typography.Text>}
          />
          {entry.followUpOn ? (
            <Tag color={entry.followUpDone ? 'green' : 'orange'} data-testid="contact-follow-up-tag">
              {t(entry.followUpDone ? 'followUpDone' : 'followUpDue', { day: formatDay(entry.followUpOn, locale) })}
            </Tag>
          ) : null}
        </List.Item>
      )}
    />
  );
}
