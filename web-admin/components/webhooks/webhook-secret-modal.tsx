'use client';

import { Alert, Modal, Typography } from 'antd';
import { useTranslations } from 'next-intl';

/** Shows a new signing secret once; it cannot be dismissed by accident and is gone once closed. */
export function WebhookSecretModal({ secret, onDone }: { secret: string | null; onDone: () => void }) {
  const t = useTranslations('webhooks');
  const tc = useTranslations('common');
  return (
    <Modal
      open={secret !== null}
      title={t('secretTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('secretDone')}
      onOk={onDone}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('secretWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: secret ?? '', tooltips: [tc('copy'), tc('copied')] }}
        code
        data-testid="webhook-secret"
        style={{ wordBreak: 'break-all', fontSize: 15 }}
      >
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
