'use client';

import { LockOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslations } from 'next-intl';

/** A cell the gateway withheld (FORBIDDEN at its path): a muted "—" with a lock and a tooltip. */
export function Restricted() {
  const t = useTranslations('common');
  return (
    <Tooltip title={t('noPermission')}>
      <Typography.Text type="secondary" data-testid="restricted" aria-label={t('noPermission')}>
        <LockOutlined /> —
      </Typography.Text>
    </Tooltip>
  );
}
