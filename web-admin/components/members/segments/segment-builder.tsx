'use client';

import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Divider, Flex, Form, Input, Popconfirm } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { archiveSegment, saveSegment } from '@/app/(console)/members/segments/actions';
import { FormErrors } from '@/components/shell/form-errors';
import type { UserError } from '@/lib/mutation';

import { errorKey } from './error-keys';
import { newRule, ruleAt, toRulesInput, type GroupRows, type RuleRow } from './rule-model';
import { SegmentPreview } from './segment-preview';
import { SegmentRuleRow } from './segment-rule-row';
import { useLivePreview } from './use-live-preview';

export interface SegmentDraft {
  id: string | null;
  name: string;
  description: string;
  groups: GroupRows[];
}

/**
 * The segment builder: name and description, groups of rule rows (every rule of a
 * group must hold; a member in any group is in), the live size while editing, save
 * and (for a saved segment) archive after a confirmation.
 */
export function SegmentBuilder({ draft, editable }: { draft: SegmentDraft; editable: boolean }) {
  const t = useTranslations('segments');
  const router = useRouter();
  const { message } = App.useApp();
  const [name, setName] = useState(draft.name);
  const [description, setDescription] = useState(draft.description);
  const [groups, setGroups] = useState<GroupRows[]>(draft.groups.length ? draft.groups : [[newRule()]]);
  const [saveErrors, setSaveErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);

  const rules = useMemo(() => toRulesInput(groups), [groups]);
  const preview = useLivePreview(rules);
  // Rule mistakes come from the live preview while editing, and from the save when it was refused.
  const ruleErrors = [...saveErrors, ...(preview.result && !preview.result.ok && preview.result.reason === 'USER_ERRORS' ? preview.result.userErrors : [])];
  const errorsOf = (group: number, rule: number) => [
    ...new Set(ruleErrors.filter((e) => { const at = ruleAt(e.field); return at?.group === group && at.rule === rule; }).map((e) => t(errorKey(e.code)))),
  ];
  const fieldError = (field: string) => saveErrors.filter((e) => e.field?.at(-1) === field).map((e) => t(errorKey(e.code)));
  const looseErrors = saveErrors.filter((e) => !ruleAt(e.field) && !['name', 'description'].includes(e.field?.at(-1) ?? '')).map((e) => t(errorKey(e.code)));

  const updateGroup = (index: number, rows: RuleRow[]) =>
    setGroups((all) => (rows.length ? all.map((g, i) => (i === index ? rows : g)) : all.length > 1 ? all.filter((_, i) => i !== index) : [[]]));

  const save = async () => {
    setBusy(true);
    const result = await saveSegment(draft.id, { name, description: description.trim() || null, rules }).finally(() => setBusy(false));
    if (result.ok) {
      setSaveErrors([]);
      void message.success(t('saved'));
      router.push('/members/segments');
      router.refresh();
      return;
    }
    if (result.reason === 'USER_ERRORS') setSaveErrors(result.userErrors);
    else void message.error(t(result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED'));
  };

  const archive = async () => {
    if (!draft.id) return;
    const result = await archiveSegment(draft.id);
    if (result.ok) {
      router.push('/members/segments');
      router.refresh();
    } else void message.error(t(result.reason === 'USER_ERRORS' ? errorKey(result.userErrors[0]!.code) : result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED'));
  };

  return (
    <Flex gap={16} align="start" wrap>
      <Form layout="vertical" disabled={!editable} style={{ flex: '1 1 560px' }} data-testid="segment-builder" onFinish={save}>
        <FormErrors messages={looseErrors} />
        <Form.Item label={t('name')} required validateStatus={fieldError('name').length ? 'error' : undefined} help={fieldError('name')[0]}>
          <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="segment-name" />
        </Form.Item>
        <Form.Item label={t('description')} validateStatus={fieldError('description').length ? 'error' : undefined} help={fieldError('description')[0]}>
          <Input.TextArea value={description} maxLength={1000} rows={2} onChange={(e) => setDescription(e.target.value)} data-testid="segment-description" />
        </Form.Item>
        {groups.map((rows, g) => (
          <div key={g}>
            {g > 0 && <Divider data-testid="segment-or">{t('or')}</Divider>}
            <Card size="small" title={t('group')} data-testid="segment-group">
              {rows.map((row, r) => (
                <SegmentRuleRow
                  key={row.key}
                  row={row}
                  errors={errorsOf(g, r)}
                  onChange={(changed) => updateGroup(g, rows.map((x) => (x.key === row.key ? changed : x)))}
                  onRemove={() => updateGroup(g, rows.filter((x) => x.key !== row.key))}
                />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => updateGroup(g, [...rows, newRule('TAG')])} data-testid="rule-add">
                {t('addRule')}
              </Button>
            </Card>
          </div>
        ))}
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button onClick={() => setGroups((all) => [...all, [newRule('TAG')]])} data-testid="group-add">
            {t('addGroup')}
          </Button>
          {editable && (
            <Button type="primary" htmlType="submit" loading={busy} data-testid="segment-save">
              {t('save')}
            </Button>
          )}
          {editable && draft.id && (
            <Popconfirm title={t('archiveConfirm')} onConfirm={archive} okText={t('archive')}>
              <Button danger data-testid="segment-archive">{t('archive')}</Button>
            </Popconfirm>
          )}
        </Flex>
      </Form>
      <SegmentPreview result={preview.result} pending={preview.pending} />
    </Flex>
  );
}
