'use client';

import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';

import type { RolesListNode, ScopeOption } from '@/app/(console)/staff/roles/roles.graphql';
import { ListTable } from '@/components/list/list-table';
import { useMounted } from '@/components/shell/use-mounted';

import { RoleModal } from './role-modal';
import { useRoleColumns } from './roles-columns';

/** Built-in and custom roles; custom ones are created and changed by those who manage roles. */
export function RolesTable({ roles, scopes, canManage }: { roles: RolesListNode[]; scopes: ScopeOption[]; canManage: boolean }) {
  const t = useTranslations('roles');
  const mounted = useMounted();
  /** null: closed; 'new': creating; a role: editing it. */
  const [editing, setEditing] = useState<RolesListNode | 'new' | null>(null);
  const columns = useRoleColumns(canManage ? setEditing : null);
  return (
    <>
      <ListTable<RolesListNode>
        rows={roles}
        columns={columns}
        emptyText={t('empty')}
        scroll={undefined}
        toolbar={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="role-create">
              {t('create')}
            </Button>
          )
        }
      />
      {mounted && <RoleModal editing={editing} onClose={() => setEditing(null)} scopes={scopes} />}
    </>
  );
}
