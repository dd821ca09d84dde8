'use client';

import { useMemo, useState } from 'react';
import { DeleteOutlined, DragOutlined, EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Empty, Flex, Form, Input, Modal, Tree, TreeSelect, Typography, type ButtonProps, type TreeProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createCategory, deleteCategory, moveCategory, updateCategory } from '@/app/(console)/products/categories/actions';
import type { CatalogCategory } from '@/app/(console)/products/products.graphql';
import { FormErrors } from '@/components/shell/form-errors';
import { useMounted } from '@/components/shell/use-mounted';

import { useCatalogFeedback } from './catalog-feedback';
import { categoryNodes, type CategoryNode } from './category-nodes';

const rootValue = '';

type Dialog =
  | { kind: 'create'; parent: CatalogCategory | null }
  | { kind: 'rename'; category: CatalogCategory }
  | { kind: 'move'; category: CatalogCategory };

/** The ids of a node and everything below it (where it may not move). */
function subtreeIds(node: CategoryNode): string[] {
  return [node.key, ...node.children.flatMap(subtreeIds)];
}

/**
 * The category tree. With catalog:write: drag a category onto another (into it) or between
 * two (beside them) to move it; each node's menu also offers add, rename, move (the keyboard
 * way) and delete with a confirmation. The catalog refuses cycles and trees over 5 levels.
 */
export function CategoryTree({
  categories,
  maxDepth,
  canWrite,
}: {
  categories: CatalogCategory[];
  maxDepth: number;
  canWrite: boolean;
}) {
  const t = useTranslations('categories');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message, modal } = App.useApp();
  const { report } = useCatalogFeedback();
  const mounted = useMounted();
  const [form] = Form.useForm<{ name: string; handle?: string; parentId?: string }>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const nodes = useMemo(() => categoryNodes(categories), [categories]);
  const byId = useMemo(() => {
    const map = new Map<string, CategoryNode>();
    const walk = (list: CategoryNode[]) => list.forEach((n) => (map.set(n.key, n), walk(n.children)));
    walk(nodes);
    return map;
  }, [nodes]);

  const siblingsOf = (parentId: string | null) => (parentId ? (byId.get(parentId)?.children ?? []) : nodes);

  const move = async (id: string, parentId: string | null, position: number | null) => {
    setBusy(true);
    const result = await moveCategory(id, parentId, position).finally(() => setBusy(false));
    if (!result.ok) return void report(result);
    void message.success(t('moved'));
    router.refresh();
  };

  const onDrop: TreeProps['onDrop'] = (info) => {
    const dragged = String(info.dragNode.key);
    const target = byId.get(String(info.node.key));
    if (!target) return;
    if (!info.dropToGap) return void move(dragged, target.key, null);
    // Beside the target: before it (-1) or after it (1) among its siblings, the dragged one left out.
    const targetPos = info.node.pos.split('-');
    const relative = info.dropPosition - Number(targetPos[targetPos.length - 1]);
    const parentId = target.category.parent?.id ?? null;
    const siblings = siblingsOf(parentId).filter((n) => n.key !== dragged);
    const index = siblings.findIndex((n) => n.key === target.key);
    void move(dragged, parentId, relative < 0 ? index : index + 1);
  };

  const open = (next: Dialog) => {
    setErrors([]);
    form.resetFields();
    if (next.kind === 'rename') form.setFieldsValue({ name: next.category.name, handle: next.category.handle });
    if (next.kind === 'move') form.setFieldsValue({ parentId: next.category.parent?.id ?? rootValue });
    setDialog(next);
  };

  const submit = async (values: { name?: string; handle?: string; parentId?: string }) => {
    if (!dialog) return;
    const fields = { name: values.name?.trim() ?? '', ...(values.handle?.trim() ? { handle: values.handle.trim() } : {}) };
    setBusy(true);
    const result = await (dialog.kind === 'create'
      ? createCategory(fields, dialog.parent?.id ?? null)
      : dialog.kind === 'rename'
        ? updateCategory(dialog.category.id, fields)
        : moveCategory(dialog.category.id, values.parentId || null, null)
    ).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t(dialog.kind === 'create' ? 'created' : dialog.kind === 'rename' ? 'saved' : 'moved'));
    setDialog(null);
    router.refresh();
  };

  const remove = (category: CatalogCategory) =>
    modal.confirm({
      title: t('deleteTitle', { name: category.name }),
      content: t('deleteConfirm'),
      okText: t('delete'),
      okButtonProps: { danger: true, 'data-testid': 'category-delete-confirm' } as ButtonProps,
      cancelText: tc('cancel'),
      onOk: async () => {
        const result = await deleteCategory(category.id);
        if (!result.ok) return void report(result);
        void message.success(t('deleted'));
        router.refresh();
      },
    });

  /** Parents a category may move under: the root and any node outside its own subtree. */
  const parentChoices = (category: CatalogCategory) => {
    const own = byId.get(category.id);
    const excluded = new Set(own ? subtreeIds(own) : [category.id]);
    const prune = (list: CategoryNode[]): CategoryNode[] =>
      list.filter((n) => !excluded.has(n.key)).map((n) => ({ ...n, children: prune(n.children) }));
    return [{ key: rootValue, value: rootValue, title: t('root'), children: prune(nodes) }];
  };

  const title = (node: CategoryNode) => {
    const { category } = node;
    return (
      <Flex
        gap={8}
        align="center"
        data-testid="category-node"
        data-id={category.id}
        data-name={category.name}
        data-parent={category.parent?.id ?? ''}
      >
        <span>{category.name}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} dir="ltr">
          {category.handle}
        </Typography.Text>
        {canWrite && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                ...(category.depth < maxDepth ? [{ key: 'add', icon: <PlusOutlined />, label: t('createChild') }] : []),
                { key: 'rename', icon: <EditOutlined />, label: t('rename') },
                { key: 'move', icon: <DragOutlined />, label: t('move') },
                { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('delete') },
              ],
              onClick: ({ key, domEvent }) => {
                domEvent.stopPropagation();
                if (key === 'add') open({ kind: 'create', parent: category });
                if (key === 'rename') open({ kind: 'rename', category });
                if (key === 'move') open({ kind: 'move', category });
                if (key === 'delete') remove(category);
              },
            }}
          >
            <Button
              type="text"
              size="small"
              icon={<MoreOutlined />}
              aria-label={t('actions', { name: category.name })}
              onClick={(event) => event.stopPropagation()}
              data-testid="category-menu"
            />
          </Dropdown>
        )}
      </Flex>
    );
  };

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ kind: 'create', parent: null })} data-testid="category-create">
            {t('create')}
          </Button>
        </Flex>
      )}
      {nodes.length ? (
        <Tree<CategoryNode>
          treeData={nodes}
          defaultExpandAll
          blockNode
          selectable={false}
          draggable={canWrite && !busy ? { icon: false } : false}
          onDrop={onDrop}
          titleRender={title}
          data-testid="category-tree"
        />
      ) : (
        <Empty description={t('empty')} />
      )}
      {mounted && canWrite && (
        <Modal
          open={dialog !== null}
          title={
            dialog?.kind === 'create'
              ? dialog.parent
                ? `${t('createChild')}: ${dialog.parent.name}`
                : t('create')
              : dialog?.kind === 'rename'
                ? t('rename')
                : dialog
                  ? t('moveTitle', { name: dialog.category.name })
                  : ''
          }
          okText={tc('save')}
          cancelText={tc('cancel')}
          okButtonProps={{ htmlType: 'submit', form: 'category-form', loading: busy, 'data-testid': 'category-submit' } as ButtonProps}
          onCancel={() => setDialog(null)}
          forceRender
        >
          <FormErrors messages={errors} />
          <Form form={form} id="category-form" layout="vertical" onFinish={submit}>
            {dialog?.kind === 'move' ? (
              <Form.Item name="parentId" label={t('parent')}>
                <TreeSelect treeDefaultExpandAll treeData={parentChoices(dialog.category)} data-testid="category-parent" />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: tc('required') }]}>
                  <Input autoComplete="off" data-testid="category-name" />
                </Form.Item>
                <Form.Item name="handle" label={t('handle')} extra={t('handleHint')}>
                  <Input autoComplete="off" dir="ltr" data-testid="category-handle" />
                </Form.Item>
              </>
            )}
          </Form>
        </Modal>
      )}
    </>
  );
}
