'use client';

import { Space, Switch } from 'antd';
import { useTranslations } from 'next-intl';

import { FormErrors } from '@/components/shell/form-errors';

import { setConsent } from './actions';
import { consentChannels } from './member-enums';
import type { EditableMember } from './profile.graphql';
import { useMemberAction } from './use-member-action';

/** One switch per channel; each change is recorded in the consent history with the console as its source. */
export function ConsentToggles({ member, editable }: { member: EditableMember; editable: boolean }) {
  const t = useTranslations('memberDesk');
  const { run, busy, errors } = useMemberAction();
  const granted = (channel: string) => member.consents?.some((c) => c.channel === channel && c.granted) ?? false;
  return (
    <>
      <FormErrors messages={errors} />
      <Space wrap size="large">
        {consentChannels.map((channel) => (
          <label key={channel} style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <Switch
              checked={granted(channel)}
              disabled={!editable}
              loading={busy}
              onChange={(on) => run(() => setConsent(member.id, channel, on))}
              data-testid={`consent-${channel}`}
            />
            {t(`consentChannels.${channel}`)}
          </label>
        ))}
      </Space>
      <p>{t('consentSource')}</p>
    </>
  );
}
