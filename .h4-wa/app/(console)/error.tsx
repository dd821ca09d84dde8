'use client';

import { useEffect } from 'react';
import { Button, Result } from 'antd';
import { useTranslations } from 'next-intl';

/** Shown when a page could not load its data from the gateway. */
export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('common');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Result
      status="warning"
      title={t('loadError')}
      extra={
        <Button type="primary" onClick={() => retry()}>
          {t('retry')}
        </Button>
      }
    />
  );
}
