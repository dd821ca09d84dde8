'use client';

import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { revokeApiKey } from '@/app/(console)/api-keys/actions';
import type { ScopeOption } from '@/app/(console)/staff/roles/roles.graphql';
import { ListTable } from '@/components/list/list-table';
import { useMounted } from '@/components/shell/use-mounted';
import type { Connection } from '@/lib/connection';

import { useActionFeedback } from './action-feedback';
import { ApiKeyCreateModal } from './api-key-create-modal';
import { ApiKeySecretModal } from './api-key-secret-modal';
import { useApiKeyColumns, type ApiKeyRow } from './api-keys-columns';
import { useStepUp } from './step-up';

/** Partner API keys: create (the secret is shown once) and revoke. */
export function ApiKeysTable({ keys, scopes }: { keys: Connection<ApiKeyRow>; scopes: ScopeOption[] }) {
  const t = useTranslations('apiKeys');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const report = useActionFeedback();
  const mounted = useMounted();
  const [creating, setCreating] = useState(false);
  /** The new key's secret: held in this component's state only, gone on close or reload. */
  const [secret, setSecret] = useState<string | null>(null);

  const revoke = async (row: ApiKeyRow) => {
    const result = await withStepUp(() => revokeApiKey(row.id));
    if (!result.ok) return report(result);
    void message.success(t('revoked', { name: row.name }));
    router.refresh();
  };

  return (
    <>
      <ListTable<ApiKeyRow>
        connection={keys}
        columns={useApiKeyColumns(revoke)}
        emptyText={t('empty')}
        rowData={() => ({ 'data-testid': 'api-key-row' })}
        scroll={undefined}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="api-key-create">
            {t('create')}
          </Button>
        }
      />
      {mounted && (
        <>
          <ApiKeyCreateModal open={creating} onClose={() => setCreating(false)} onCreated={setSecret} scopes={scopes} />
          <ApiKeySecretModal secret={secret} onDone={() => setSecret(null)} />
        </>
      )}
    </>
  );
}
