'use client';

import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Space, type FormInstance } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { addOrderNote, changeOrderTags } from '@/app/(console)/orders/actions';
import { FormErrors } from '@/components/shell/form-errors';
import type { ActionResult } from '@/lib/mutation';

import { useOrderFeedback } from './order-feedback';
import { OrderTagList } from './order-tag-list';

/** Tags (add, remove) and a note for the timeline; read-only without orders:write. */
export function OrderNotesTags({ orderId, tags, canWrite }: { orderId: string; tags: string[]; canWrite: boolean }) {
  const t = useTranslations('orders.notes');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useOrderFeedback();
  const [tagForm] = Form.useForm<{ tags: string }>();
  const [noteForm] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const act = async (run: () => Promise<ActionResult<null>>, done: string, after: () => void, form?: FormInstance) => {
    setBusy(true);
    setErrors([]);
    const result = await run().finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(done);
    after();
    router.refresh();
  };

  const addTags = ({ tags: text }: { tags: string }) => {
    const added = text.split(',').map((tag) => tag.trim()).filter(Boolean);
    if (!added.length) return;
    return act(() => changeOrderTags('add', { id: orderId, tags: added }), t('tagsAdded'), () => tagForm.resetFields(), tagForm);
  };

  const removeTag = (tag: string) => act(() => changeOrderTags('remove', { id: orderId, tags: [tag] }), t('tagRemoved', { tag }), () => {});

  const addNote = ({ note }: { note: string }) =>
    act(() => addOrderNote({ id: orderId, note: note.trim() }), t('noteAdded'), () => noteForm.resetFields(), noteForm);

  return (
    <Flex vertical gap={12}>
      <FormErrors messages={errors} />
      <OrderTagList tags={tags} onRemove={canWrite ? (tag) => void removeTag(tag) : null} />
      {canWrite && (
        <>
          <Form form={tagForm} onFinish={addTags} component="form">
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="tags" noStyle rules={[{ required: true, whitespace: true }]}>
                <Input placeholder={t('tagsPlaceholder')} aria-label={t('addTags')} maxLength={200} data-testid="order-tag-input" />
              </Form.Item>
              <Button htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="order-tag-add">
                {t('addTags')}
              </Button>
            </Space.Compact>
          </Form>
          <Form form={noteForm} onFinish={addNote} layout="vertical" requiredMark={false}>
            <Form.Item name="note" label={t('note')} rules={[{ required: true, whitespace: true, max: 2000, message: t('noteInvalid') }]} style={{ marginBottom: 8 }}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="order-note-input" />
            </Form.Item>
            <Button htmlType="submit" loading={busy} data-testid="order-note-add">
              {t('addNote')}
            </Button>
          </Form>
        </>
      )}
    </Flex>
  );
}
