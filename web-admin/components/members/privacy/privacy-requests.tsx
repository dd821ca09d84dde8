'use client';

import { useEffect, useState } from 'react';
import { Button, Input, Modal, Progress, Space, Table, Tag } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';
import { formatDateTime, type ShopCalendar } from '@/lib/format';
import type { ActionResult } from '@/lib/mutation';

import { eraseMember, exportMemberData, privacyRequestStatus } from './actions';
import { downloadHref } from './download-href';
import type { PrivacyRequestView } from './privacy.graphql';

/** What the person types to confirm an erasure: the same word in every language, so it cannot be typed by accident. */
const ERASE_WORD = 'ERASE';
const POLL_MS = 2000;

const progressOf = (request: PrivacyRequestView) =>
  Math.round((100 * request.parts.filter((part) => part.done).length) / Math.max(request.parts.length, 1));

/**
 * Export data (with progress, then a download link) and Erase (a typed confirmation and a reason); both ask for a
 * step-up. Pending requests are followed until every domain reported its part.
 */
export function PrivacyRequests({ memberId, initial, shop }: { memberId: string; initial: PrivacyRequestView[]; shop: ShopCalendar }) {
  const t = useTranslations('privacy');
  const locale = useLocale();
  const withStepUp = useStepUp();
  const [requests, setRequests] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');

  const pending = requests.filter((r) => r.status === 'PENDING').map((r) => r.id).join(',');
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(async () => {
      const fresh = await Promise.all(pending.split(',').map((id) => privacyRequestStatus(id)));
      setRequests((all) => all.map((r) => fresh.find((f) => f?.id === r.id) ?? r));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [pending]);

  const run = async (action: () => Promise<ActionResult<PrivacyRequestView | null>>) => {
    setBusy(true);
    const result = await withStepUp(action).finally(() => setBusy(false));
    if (result.ok) {
      setErrors([]);
      if (result.value) setRequests((all) => [result.value!, ...all]);
      return true;
    }
    // Messages come from the code, in the viewer's language, never from the server's English.
    if (result.reason === 'USER_ERRORS') setErrors(result.userErrors.map((e) => t(e.code === 'MEMBER_ERASED' || e.code === 'INVALID_TEXT' ? `errors.${e.code}` : 'errors.FAILED')));
    else setErrors([t(result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED')]);
    return false;
  };

  const erase = async () => {
    if (await run(() => eraseMember({ memberId, reason }))) {
      setErasing(false);
      setTyped('');
      setReason('');
    }
  };

  return (
    <>
      <FormErrors messages={errors} />
      <Space wrap>
        <Button data-testid="privacy-export" loading={busy} onClick={() => run(() => exportMemberData({ memberId }))}>
          {t('export.button')}
        </Button>
        <Button danger data-testid="privacy-erase" onClick={() => setErasing(true)}>
          {t('erase.button')}
        </Button>
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={requests}
        data-testid="privacy-requests"
        columns={[
          { key: 'createdAt', title: t('columns.createdAt'), render: (_, r) => formatDateTime(r.createdAt, locale, shop) },
          { key: 'kind', title: t('columns.kind'), render: (_, r) => t(`kinds.${r.kind}`) },
          {
            key: 'status',
            title: t('columns.status'),
            render: (_, r) =>
              r.status === 'PENDING' ? <Progress percent={progressOf(r)} size="small" status="active" /> : <Tag>{t(`statuses.${r.status}`)}</Tag>,
          },
          {
            key: 'download',
            title: t('columns.download'),
            render: (_, r) => {
              const href = r.downloadUrl ? downloadHref(r.downloadUrl) : null;
              if (!href) return null;
              return (
                <Space direction="vertical" size={0}>
                  <a href={href} data-testid="privacy-download" download>
                    {t('export.download')}
                  </a>
                  {r.expiresAt ? <span>{t('export.until', { date: formatDateTime(r.expiresAt, locale, shop) })}</span> : null}
                </Space>
              );
            },
          },
        ]}
      />
      <Modal
        open={erasing}
        title={t('erase.title')}
        okText={t('erase.confirm')}
        okButtonProps={{ danger: true, disabled: typed !== ERASE_WORD || !reason.trim(), loading: busy, ...{ 'data-testid': 'privacy-erase-confirm' } }}
        onOk={erase}
        onCancel={() => setErasing(false)}
      >
        <p>{t('erase.warning')}</p>
        <p>
          <label>
            {t('erase.reason')}
            <Input.TextArea maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="privacy-erase-reason" />
          </label>
        </p>
        <label>
          {t('erase.typeToConfirm', { word: ERASE_WORD })}
          <Input value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="privacy-erase-typed" dir="ltr" />
        </label>
      </Modal>
    </>
  );
}
