'use client';

import { useState } from 'react';
import { UserAddOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { disableStaff } from '@/app/(console)/staff/actions';
import type { StaffRoleOption } from '@/app/(console)/staff/staff.graphql';
import { ListTable } from '@/components/list/list-table';
import { SearchBox } from '@/components/list/search-box';
import { useMounted } from '@/components/shell/use-mounted';
import type { Connection } from '@/lib/connection';

import { useActionFeedback } from './action-feedback';
import { useStaffColumns, type StaffRow } from './staff-columns';
import { StaffCreateModal } from './staff-create-modal';
import { StaffRolesModal } from './staff-roles-modal';
import { useStepUp } from './step-up';

/** Staff accounts with search; create, change roles and disable for those who manage staff. */
export function StaffTable({ staff, roles, canManage }: { staff: Connection<StaffRow>; roles: StaffRoleOption[]; canManage: boolean }) {
  const t = useTranslations('staff');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const report = useActionFeedback();
  const mounted = useMounted();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffRow | null>(null);
  const roleOptions = roles.map((role) => ({ value: role.name, label: role.title }));

  const disable = async (row: StaffRow) => {
    const result = await withStepUp(() => disableStaff(row.id));
    if (!result.ok) return report(result);
    void message.success(t('disabledDone', { name: row.displayName }));
    router.refresh();
  };
  const columns = useStaffColumns(canManage ? { onEditRoles: setEditing, onDisable: disable } : null);

  return (
    <>
      <ListTable<StaffRow>
        connection={staff}
        columns={columns}
        emptyText={t('empty')}
        rowData={() => ({ 'data-testid': 'staff-row' })}
        scroll={undefined}
        toolbar={
          <>
            <SearchBox placeholder={t('searchPlaceholder')} />
            {canManage && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="staff-create">
                {t('create')}
              </Button>
            )}
          </>
        }
      />
      {mounted && (
        <>
          <StaffCreateModal open={creating} onClose={() => setCreating(false)} roleOptions={roleOptions} />
          <StaffRolesModal staff={editing} onClose={() => setEditing(null)} roleOptions={roleOptions} />
        </>
      )}
    </>
  );
}
