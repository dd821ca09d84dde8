'use client';

import { useState } from 'react';
import { FilterOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select } from 'antd';
import { useTranslations } from 'next-intl';

import { auditOutcomes, type AuditOutcome } from '@/lib/audit';

export interface AuditFilterValues {
  actorId: string | null;
  rootField: string | null;
  outcome: AuditOutcome | null;
  /** `YYYY-MM-DD`, inclusive. */
  from: string | null;
  /** `YYYY-MM-DD`, inclusive. */
  to: string | null;
}

/** A GET form: each filter is a search parameter, and filtering starts again at the first page. */
export function AuditFilters({ values }: { values: AuditFilterValues }) {
  const t = useTranslations('audit');
  const [outcome, setOutcome] = useState<string>(values.outcome ?? '');
  return (
    <form method="get" role="search" data-testid="audit-filters" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div">
        <Flex wrap gap={12} align="flex-end">
          <Form.Item label={t('filters.actorId')} htmlFor="audit-actor" style={{ marginBottom: 0 }}>
            <Input id="audit-actor" name="actorId" defaultValue={values.actorId ?? ''} allowClear style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label={t('filters.rootField')} htmlFor="audit-root-field" style={{ marginBottom: 0 }}>
            <Input
              id="audit-root-field"
              name="rootField"
              placeholder="apiKeyCreate"
              defaultValue={values.rootField ?? ''}
              allowClear
              style={{ width: 200 }}
              data-testid="audit-root-field"
            />
          </Form.Item>
          <Form.Item label={t('filters.outcome')} style={{ marginBottom: 0 }}>
            <input type="hidden" name="outcome" value={outcome} />
            <Select
              aria-label={t('filters.outcome')}
              value={outcome}
              onChange={setOutcome}
              style={{ width: 180 }}
              options={[
                { value: '', label: t('filters.anyOutcome') },
                ...auditOutcomes.map((value) => ({ value, label: t(`outcome.${value}`) })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('filters.from')} htmlFor="audit-from" style={{ marginBottom: 0 }}>
            <Input id="audit-from" name="from" type="date" defaultValue={values.from ?? ''} />
          </Form.Item>
          <Form.Item label={t('filters.to')} htmlFor="audit-to" style={{ marginBottom: 0 }}>
            <Input id="audit-to" name="to" type="date" defaultValue={values.to ?? ''} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="audit-apply">
            {t('filters.apply')}
          </Button>
          <Button href="?">{t('filters.reset')}</Button>
        </Flex>
      </Form>
    </form>
  );
}
