'use client';

import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Upload } from 'antd';
import { useTranslations } from 'next-intl';

/** The most photos a request carries (the API refuses more). */
export const MAX_RETURN_PHOTOS = 5;

export interface UploadedPhoto {
  id: string;
  name: string;
}

/** Sends one image through the console's proxy (after-sales/photos/route.ts); answers the upload's id or the gateway's code. */
async function uploadPhoto(file: File): Promise<{ id: string } | { code: string }> {
  const response = await fetch('/after-sales/photos', { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file });
  const body = (await response.json().catch(() => ({}))) as { id?: string; code?: string };
  return body.id ? { id: body.id } : { code: body.code ?? 'ERROR' };
}

/**
 * Photos for a new request as an antd form control: each file is uploaded privately at once (the gateway checks its
 * type, size and rate) and the value holds the upload ids, in the order added, at most MAX_RETURN_PHOTOS.
 */
export function ReturnPhotosField({ value = [], onChange }: { value?: UploadedPhoto[]; onChange?: (next: UploadedPhoto[]) => void }) {
  const t = useTranslations('afterSales.open');
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const added: UploadedPhoto[] = [];
  const send = async (file: File) => {
    setUploading((n) => n + 1);
    const result = await uploadPhoto(file).finally(() => setUploading((n) => n - 1));
    if ('code' in result) {
      const known = ['UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'THROTTLED', 'FORBIDDEN'].includes(result.code);
      return void message.error(t(known ? `photoErrors.${result.code as 'FORBIDDEN'}` : 'photoErrors.ERROR'));
    }
    added.push({ id: result.id, name: file.name });
    onChange?.([...value, ...added]);
  };
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap data-testid="return-open-photos">
        {value.map((photo) => (
          <Tag key={photo.id} closable onClose={() => onChange?.(value.filter((p) => p.id !== photo.id))} data-testid="return-open-photo">
            <bdi>{photo.name}</bdi>
          </Tag>
        ))}
      </Flex>
      <Upload
        accept="image/jpeg,image/png,image/webp"
        multiple
        showUploadList={false}
        disabled={value.length >= MAX_RETURN_PHOTOS}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading > 0} disabled={value.length >= MAX_RETURN_PHOTOS} data-testid="return-open-photo-upload">
          {t('addPhotos', { max: MAX_RETURN_PHOTOS })}
        </Button>
      </Upload>
    </Flex>
  );
}
