'use client';

import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslations } from 'next-intl';

/** Names the current filters as a saved view; `onSave` gets the trimmed name. */
export function OrderViewNameModal({ open, onCancel, onSave }: { open: boolean; onCancel: () => void; onSave: (name: string) => void }) {
  const t = useTranslations('orders.views');
  const tc = useTranslations('common');
  const [form] = Form.useForm<{ name: string }>();
  const save = ({ name }: { name: string }) => {
    onSave(name.trim());
    form.resetFields();
  };
  return (
    <Modal
      open={open}
      title={t('saveTitle')}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'order-view-form', 'data-testid': 'order-view-save-submit' } as ButtonProps}
      onCancel={onCancel}
      forceRender
    >
      <Form form={form} id="order-view-form" layout="vertical" onFinish={save}>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 40, message: t('nameInvalid') }]}>
          <Input maxLength={40} data-testid="order-view-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
