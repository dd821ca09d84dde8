'use client';

import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { deleteCollection } from '@/app/(console)/products/collections/actions';
import type { CollectionsListNode } from '@/app/(console)/products/collections/collections.graphql';
import { ListTable } from '@/components/list/list-table';
import { SearchBox } from '@/components/list/search-box';
import { useMounted } from '@/components/shell/use-mounted';
import type { Connection } from '@/lib/connection';

import { useCatalogFeedback } from './catalog-feedback';
import { CollectionModal } from './collection-modal';
import { useCollectionColumns } from './collections-columns';

/** Collections with their product counts (linking to the filtered product list); CRUD with catalog:write. */
export function CollectionsTable({ collections, canWrite }: { collections: Connection<CollectionsListNode>; canWrite: boolean }) {
  const t = useTranslations('collections');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message, modal } = App.useApp();
  const { report } = useCatalogFeedback();
  const mounted = useMounted();
  /** null: closed; 'new': create; a row: edit. */
  const [editing, setEditing] = useState<CollectionsListNode | 'new' | null>(null);

  const remove = (row: CollectionsListNode) =>
    modal.confirm({
      title: t('deleteTitle', { title: row.title }),
      content: t('deleteConfirm'),
      okText: t('delete'),
      okButtonProps: { danger: true, 'data-testid': 'collection-delete-confirm' } as ButtonProps,
      cancelText: tc('cancel'),
      onOk: async () => {
        const result = await deleteCollection(row.id);
        if (!result.ok) return void report(result);
        void message.success(t('deleted'));
        router.refresh();
      },
    });
  const columns = useCollectionColumns(canWrite ? { onEdit: setEditing, onDelete: remove } : null);

  return (
    <>
      <ListTable<CollectionsListNode>
        connection={collections}
        columns={columns}
        emptyText={t('empty')}
        rowData={(row) => ({ 'data-testid': 'collection-row', 'data-handle': row.handle })}
        scroll={undefined}
        toolbar={
          <>
            <SearchBox placeholder={t('searchPlaceholder')} />
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="collection-create">
                {t('create')}
              </Button>
            )}
          </>
        }
      />
      {mounted && canWrite && <CollectionModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
