'use client';

import { useState } from 'react';
import { Button, List, Tag } from 'antd';
import { useTranslations } from 'next-intl';

import { useMounted } from '@/components/shell/use-mounted';

import { AddressModal } from './address-modal';
import type { EditableAddress } from './profile.graphql';

/** The member's addresses, the default first, each editable, and "Add address". */
export function AddressBook({ memberId, addresses, editable }: { memberId: string; addresses: EditableAddress[]; editable: boolean }) {
  const t = useTranslations('memberDesk.address');
  const mounted = useMounted();
  const [editing, setEditing] = useState<EditableAddress | 'new' | null>(null);
  return (
    <>
      <List
        size="small"
        dataSource={addresses}
        locale={{ emptyText: t('none') }}
        renderItem={(address) => (
          <List.Item
            data-testid="member-address"
            actions={editable ? [<Button key="edit" type="link" onClick={() => setEditing(address)}>{t('edit')}</Button>] : []}
          >
            {[address.name, address.line1, address.line2, address.city, address.region, address.postalCode, address.country].filter(Boolean).join(', ')}
            {address.isDefault ? <Tag style={{ marginInlineStart: 8 }}>{t('default')}</Tag> : null}
          </List.Item>
        )}
      />
      {editable ? <Button onClick={() => setEditing('new')} data-testid="member-address-add">{t('add')}</Button> : null}
      {mounted && <AddressModal memberId={memberId} address={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
