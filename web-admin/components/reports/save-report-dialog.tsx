'use client';

import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { saveReport } from '@/app/(console)/reports/actions';
import { FormErrors } from '@/components/shell/form-errors';

import { useReportFeedback } from './report-feedback';
import { definitionOf, type BuilderValues } from './report-query';

/** The report opened in the builder, when it was opened from the saved list. */
export interface OpenedReport {
  id: string;
  name: string;
  sharedWithRoles: string[];
}

interface SaveFields {
  name: string;
  sharedWithRoles: string[];
}

/**
 * Save (or save changes to) the builder's report under a name, shared with roles.
 * A report opened from the list is updated; "save as new" keeps the original.
 */
export function SaveReportDialog({
  values,
  opened,
  roles,
}: {
  values: () => BuilderValues | null;
  opened: OpenedReport | null;
  roles: { name: string; title: string }[];
}) {
  const t = useTranslations('savedReports.save');
  const { message } = App.useApp();
  const router = useRouter();
  const { report } = useReportFeedback();
  const [form] = Form.useForm<SaveFields>();
  const [target, setTarget] = useState<'update' | 'create' | null>(null);
  const [loose, setLoose] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  function open(mode: 'update' | 'create') {
    if (!values()) return;
    form.setFieldsValue({ name: mode === 'update' ? opened?.name : '', sharedWithRoles: opened?.sharedWithRoles ?? [] });
    setLoose([]);
    setTarget(mode);
  }

  async function submit(fields: SaveFields) {
    const current = values();
    if (!current) return;
    setBusy(true);
    const id = target === 'update' ? opened!.id : null;
    const result = await saveReport(id, fields.name, definitionOf(current), fields.sharedWithRoles ?? []).finally(() => setBusy(false));
    // The definition's paths (input.definition.…) have no field here: they show in the dialog.
    setLoose(report(result, form));
    if (!result.ok) return;
    setTarget(null);
    void message.success(t('saved'));
    router.push(`/reports?saved=${encodeURIComponent(result.value)}`);
  }

  return (
    <>
      {opened && (
        <Button onClick={() => open('update')} data-testid="report-save-changes">
          {t('update')}
        </Button>
      )}
      <Button onClick={() => open('create')} data-testid="report-save">
        {opened ? t('saveAsNew') : t('save')}
      </Button>
      <Modal
        open={target !== null}
        title={target === 'update' ? t('update') : t('save')}
        okText={t('confirm')}
        onCancel={() => setTarget(null)}
        destroyOnHidden
        okButtonProps={{ htmlType: 'submit', form: 'report-save-form', loading: busy, 'data-testid': 'report-save-confirm' } as ButtonProps}
      >
        <FormErrors messages={loose} />
        <Form<SaveFields> form={form} id="report-save-form" layout="vertical" onFinish={submit}>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
            <Input maxLength={120} data-testid="report-save-name" />
          </Form.Item>
          <Form.Item name="sharedWithRoles" label={t('share')} extra={t('shareHint')}>
            <Select mode="multiple" options={roles.map((role) => ({ value: role.name, label: role.title }))} optionFilterProp="label" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
