'use client';

import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, rectSortingStrategy } from '@dnd-kit/sortable';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { useTranslations } from 'next-intl';

import { upload, type MediaValue } from './product-media';
import { SortableImage } from './sortable-image';

/**
 * The product's images as an antd form control: upload (type and size are checked by
 * the gateway), alt text per image, and drag (or keyboard) ordering; the first is the main image.
 */
export function MediaField({ value = [], onChange }: { value?: MediaValue[]; onChange?: (next: MediaValue[]) => void }) {
  const t = useTranslations('productEditor.media');
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = value.findIndex((m) => m.url === active.id);
    const to = value.findIndex((m) => m.url === over.id);
    onChange?.(arrayMove(value, from, to));
  };

  const added: MediaValue[] = [];
  const send = async (file: File) => {
    setUploading((n) => n + 1);
    const result = await upload(file).finally(() => setUploading((n) => n - 1));
    if ('error' in result) return void message.error(t('uploadFailed', { reason: result.error }));
    added.push({ url: result.url, alt: '' });
    onChange?.([...value, ...added]);
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{value.length ? t('dragHint') : t('empty')}</Typography.Text>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={value.map((m) => m.url)} strategy={rectSortingStrategy}>
          <Flex wrap gap={12}>
            {value.map((media, index) => (
              <SortableImage
                key={media.url}
                value={media}
                index={index}
                onAlt={(alt) => onChange?.(value.map((m, i) => (i === index ? { ...m, alt } : m)))}
                onRemove={() => onChange?.(value.filter((_, i) => i !== index))}
              />
            ))}
          </Flex>
        </SortableContext>
      </DndContext>
      <Upload
        accept="image/jpeg,image/png,image/webp,image/gif"
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading > 0} data-testid="media-upload">
          {t('upload')}
        </Button>
      </Upload>
    </Flex>
  );
}
