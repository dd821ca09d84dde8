'use client';

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslations } from 'next-intl';

/**
 * Up to `max` option axes (name and values, in display order) as the `options` form list;
 * the variant matrix follows them.
 */
export function OptionAxes({ max }: { max: number }) {
  const t = useTranslations('productEditor.options');
  const tc = useTranslations('common');
  return (
    <Form.List name="options">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('hint', { max })}</Typography.Text>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap data-testid={`option-axis-${index}`}>
              <Form.Item
                name={[field.name, 'name']}
                label={t('name')}
                rules={[{ required: true, whitespace: true, message: tc('required') }]}
                style={{ width: 200, marginBottom: 8 }}
              >
                <Input placeholder={t('namePlaceholder')} data-testid={`option-name-${index}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'values']}
                label={t('values')}
                rules={[{ required: true, type: 'array', min: 1, message: tc('required') }]}
                style={{ flex: 1, minWidth: 240, marginBottom: 8 }}
              >
                <Select
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={[',']}
                  placeholder={t('valuesPlaceholder')}
                  data-testid={`option-values-${index}`}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('remove')}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
                data-testid={`option-remove-${index}`}
              />
            </Flex>
          ))}
          {fields.length < max && (
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', values: [] })} style={{ alignSelf: 'flex-start' }} data-testid="option-add">
              {t('add')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}
