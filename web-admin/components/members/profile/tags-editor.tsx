'use client';

import { useState } from 'react';
import { Button, Select, Space } from 'antd';
import { useTranslations } from 'next-intl';

import { FormErrors } from '@/components/shell/form-errors';

import { saveTags } from './actions';
import { useMemberAction } from './use-member-action';

/** The member's manual tags: type a tag and Enter to add it, × to remove one, then save them all. */
export function TagsEditor({ memberId, tags }: { memberId: string; tags: string[] }) {
  const t = useTranslations('memberDesk');
  const [value, setValue] = useState(tags);
  const { run, busy, errors } = useMemberAction();
  const changed = value.join('\n') !== tags.join('\n');
  return (
    <>
      <FormErrors messages={errors} />
      <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
        <Select
          mode="tags"
          value={value}
          onChange={(next: string[]) => setValue(next.map((tag) => tag.trim()).filter(Boolean))}
          tokenSeparators={[',']}
          placeholder={t('tags.placeholder')}
          aria-label={t('tags.label')}
          style={{ flex: 1 }}
          data-testid="member-tags-input"
        />
        <Button type="primary" disabled={!changed} loading={busy} onClick={() => run(() => saveTags(memberId, value))} data-testid="member-tags-save">
          {t('save')}
        </Button>
      </Space.Compact>
    </>
  );
}
