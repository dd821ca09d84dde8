'use client';

import { useState } from 'react';
import { Button, Input, Space, Tag } from 'antd';
import { useTranslations } from 'next-intl';

import { FormErrors } from '@/components/shell/form-errors';

import { linkChannel, unlinkChannel } from './actions';
import { messagingChannels } from './member-enums';
import type { EditableMember, MessagingChannel } from './profile.graphql';
import { useMemberAction } from './use-member-action';

/** One app's row: its id (to viewers who may read contact data) or only whether one is linked, and the editor. */
function ChannelRow({ member, channel, editable }: { member: EditableMember; channel: MessagingChannel; editable: boolean }) {
  const t = useTranslations('memberDesk');
  const { run, busy, errors } = useMemberAction();
  const externalId = member.channelIds?.find((c) => c.channel === channel)?.externalId ?? null;
  const linked = externalId !== null || (member.linkedChannels ?? []).includes(channel);
  const [draft, setDraft] = useState('');
  return (
    <div data-testid={`channel-${channel}`} data-linked={linked}>
      <Space wrap align="center">
        <strong>{t(`consentChannels.${channel}`)}</strong>
        {externalId ? <bdi dir="ltr" data-testid={`channel-${channel}-id`}>{externalId}</bdi> : <Tag>{t(linked ? 'channelIds.linked' : 'channelIds.notLinked')}</Tag>}
        {editable ? (
          <>
            <Input
              dir="ltr"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              placeholder={t(`channelIds.placeholder${channel}`)}
              aria-label={t(`channelIds.placeholder${channel}`)}
              style={{ width: 320 }}
              data-testid={`channel-${channel}-input`}
            />
            <Button
              type="primary"
              loading={busy}
              disabled={!draft.trim()}
              onClick={async () => {
                if (await run(() => linkChannel(member.id, channel, draft.trim()))) setDraft('');
              }}
              data-testid={`channel-${channel}-link`}
            >
              {t('channelIds.link')}
            </Button>
            {linked ? (
              <Button danger loading={busy} onClick={() => run(() => unlinkChannel(member.id, channel))} data-testid={`channel-${channel}-unlink`}>
                {t('channelIds.unlink')}
              </Button>
            ) : null}
          </>
        ) : null}
      </Space>
      <FormErrors messages={errors} />
    </div>
  );
}

/** The member's LINE and WeChat ids: where notifications on those apps go. */
export function ChannelIds({ member, editable }: { member: EditableMember; editable: boolean }) {
  const t = useTranslations('memberDesk');
  return (
    <>
      <Space direction="vertical">
        {messagingChannels.map((channel) => (
          <ChannelRow key={channel} member={member} channel={channel} editable={editable} />
        ))}
      </Space>
      <p>{t('channelIds.hint')}</p>
    </>
  );
}
