'use client';

import { Card, Form, Input, Typography } from 'antd';
import { useTranslations } from 'next-intl';

/** Text of sanitised HTML, for the search-result preview. */
function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

/** Cuts text where search engines roughly do, with an ellipsis. */
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * SEO title and description with character counters against the catalog's limits, and
 * a preview of the search result: title (the product title when empty), storefront URL
 * and description (the product description when empty).
 */
export function SeoFields({
  limits,
  storefrontUrl,
}: {
  limits: { seoTitleMaxLength: number; seoDescriptionMaxLength: number };
  storefrontUrl: string;
}) {
  const t = useTranslations('productEditor.seo');
  const form = Form.useFormInstance();
  const title = (Form.useWatch(['seo', 'title'], form) as string | undefined) || (Form.useWatch('title', form) as string | undefined) || '';
  const description =
    (Form.useWatch(['seo', 'description'], form) as string | undefined) ||
    plainText((Form.useWatch('descriptionHtml', form) as string | undefined) ?? '');
  return (
    <>
      <Form.Item name={['seo', 'title']} label={t('title')} extra={t('titleHint')}>
        <Input count={{ show: true, max: limits.seoTitleMaxLength }} data-testid="seo-title" />
      </Form.Item>
      <Form.Item name={['seo', 'description']} label={t('description')} extra={t('descriptionHint')}>
        <Input.TextArea rows={3} count={{ show: true, max: limits.seoDescriptionMaxLength }} data-testid="seo-description" />
      </Form.Item>
      <Typography.Text type="secondary">{t('preview')}</Typography.Text>
      <Card size="small" data-testid="seo-preview" style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" dir="ltr" style={{ display: 'block', fontSize: 12 }} data-testid="seo-preview-url">
          {storefrontUrl}
        </Typography.Text>
        <Typography.Text style={{ display: 'block', fontSize: 18, color: '#1a0dab' }}>{cut(title, 60)}</Typography.Text>
        <Typography.Text type="secondary">{cut(description, 160)}</Typography.Text>
      </Card>
    </>
  );
}
