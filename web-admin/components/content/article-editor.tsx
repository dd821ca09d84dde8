'use client';

import { useState } from 'react';
import { App, Button, Flex, Form, Input, Popconfirm, Tabs, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { archiveArticle, publishArticle, saveArticle, type ArticleFields } from '@/app/(console)/content/actions';
import { FormErrors } from '@/components/shell/form-errors';
import type { UserError } from '@/lib/mutation';

import { errorKey } from './error-keys';
import { CONTENT_LOCALES, directionOf, LOCALE_NAMES, textLocaleOf, type ContentLocale } from './locales';

interface ArticleTextDraft {
  title: string;
  summary: string;
  body: string;
}

export interface ArticleDraft {
  id: string | null;
  slug: string;
  texts: Partial<Record<ContentLocale, ArticleTextDraft>>;
  coverImageUrl: string;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
}

const EMPTY: ArticleTextDraft = { title: '', summary: '', body: '' };

function textsOf(draft: ArticleDraft): ArticleFields['texts'] {
  return CONTENT_LOCALES.flatMap((locale) => {
    const text = draft.texts[locale];
    if (!text || (!text.title.trim() && !text.summary.trim() && !text.body.trim())) return [];
    return [{ locale, title: text.title, summary: text.summary.trim() || null, body: text.body }];
  });
}

/**
 * The article editor: slug and cover, a tab per language (Arabic written right
 * to left) with title, summary and Markdown body; publish now or at a shop time; archive.
 */
export function ArticleEditor({ draft, editable, timeZone }: { draft: ArticleDraft; editable: boolean; timeZone: string }) {
  const t = useTranslations('content');
  const router = useRouter();
  const { message } = App.useApp();
  const [value, setValue] = useState(draft);
  const [publishAt, setPublishAt] = useState('');
  const [errors, setErrors] = useState<{ sent: ArticleFields['texts']; list: UserError[] }>({ sent: [], list: [] });
  const [busy, setBusy] = useState(false);

  const setText = (locale: ContentLocale, patch: Partial<ArticleTextDraft>) =>
    setValue((v) => ({ ...v, texts: { ...v.texts, [locale]: { ...EMPTY, ...v.texts[locale], ...patch } } }));
  const fieldErrors = (name: string) => errors.list.filter((e) => e.field?.[1] === name).map((e) => t(errorKey(e.code)));
  const textErrors = (locale: string) => errors.list.filter((e) => textLocaleOf(e.field, errors.sent) === locale).map((e) => t(errorKey(e.code)));
  const looseErrors = errors.list.filter((e) => !['slug', 'coverImageUrl', 'publishedAt'].includes(e.field?.[1] ?? '') && !textLocaleOf(e.field, errors.sent)).map((e) => t(errorKey(e.code)));
  const item = (name: string) => {
    const found = fieldErrors(name);
    return { validateStatus: found.length ? ('error' as const) : undefined, help: found[0] };
  };
  const failed = (result: { ok: false; reason: string; userErrors?: UserError[] }, sent: ArticleFields['texts']) => {
    if (result.reason === 'USER_ERRORS') setErrors({ sent, list: result.userErrors! });
    else void message.error(t(result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED'));
  };

  const save = async () => {
    const texts = textsOf(value);
    setBusy(true);
    const result = await saveArticle(draft.id, { slug: value.slug, texts, coverImageUrl: value.coverImageUrl.trim() || null }).finally(() => setBusy(false));
    if (!result.ok) return failed(result, texts);
    setErrors({ sent: [], list: [] });
    void message.success(t('saved'));
    if (draft.id) router.refresh();
    else router.push(`/content/articles/${result.value}`);
  };

  const publish = async () => {
    if (!draft.id) return;
    const result = await publishArticle(draft.id, publishAt || null);
    if (!result.ok) return failed(result, []);
    void message.success(t('publishedNotice'));
    router.refresh();
  };

  const archive = async () => {
    if (!draft.id) return;
    const result = await archiveArticle(draft.id);
    if (!result.ok) return failed(result, []);
    router.push('/content/articles');
    router.refresh();
  };

  return (
    <Form layout="vertical" disabled={!editable} style={{ maxWidth: 900 }} onFinish={save} data-testid="article-editor">
      <FormErrors messages={looseErrors} />
      <Flex gap={16} wrap>
        <Form.Item label={t('fields.slug')} required style={{ flex: '1 1 280px' }} {...item('slug')}>
          <Input dir="ltr" value={value.slug} maxLength={100} onChange={(e) => setValue((v) => ({ ...v, slug: e.target.value }))} placeholder="summer-guide" data-testid="article-slug" />
        </Form.Item>
        <Form.Item label={t('fields.coverImageUrl')} style={{ flex: '1 1 380px' }} {...item('coverImageUrl')}>
          <Input dir="ltr" value={value.coverImageUrl} onChange={(e) => setValue((v) => ({ ...v, coverImageUrl: e.target.value }))} data-testid="article-cover" />
        </Form.Item>
      </Flex>
      <Typography.Paragraph type="secondary">{t('hints.englishRequired')} {t('hints.markdown')}</Typography.Paragraph>
      <Tabs
        items={CONTENT_LOCALES.map((locale) => {
          const text = value.texts[locale] ?? EMPTY;
          const problems = textErrors(locale);
          const dir = directionOf(locale);
          return {
            key: locale,
            label: <span data-testid={`locale-tab-${locale}`} style={problems.length ? { color: '#cf1322' } : undefined}>{LOCALE_NAMES[locale]}</span>,
            forceRender: true,
            children: (
              <div dir={dir} lang={locale}>
                <FormErrors messages={problems} />
                <Form.Item label={t('fields.title')} required={locale === 'en'}>
                  <Input dir={dir} value={text.title} maxLength={200} onChange={(e) => setText(locale, { title: e.target.value })} data-testid={`article-title-${locale}`} />
                </Form.Item>
                <Form.Item label={t('fields.summary')}>
                  <Input.TextArea dir={dir} value={text.summary} maxLength={500} rows={2} onChange={(e) => setText(locale, { summary: e.target.value })} data-testid={`article-summary-${locale}`} />
                </Form.Item>
                <Form.Item label={t('fields.articleBody')} required={locale === 'en'}>
                  <Input.TextArea dir={dir} value={text.body} maxLength={10000} rows={14} onChange={(e) => setText(locale, { body: e.target.value })} data-testid={`article-body-${locale}`} />
                </Form.Item>
              </div>
            ),
          };
        })}
      />
      {editable && (
        <Flex gap={8} wrap align="end">
          <Button type="primary" htmlType="submit" loading={busy} data-testid="article-save">
            {t('save')}
          </Button>
          {draft.id && (
            <>
              <Form.Item label={t('fields.publishAt')} extra={t('hints.publishAtEmpty', { zone: timeZone })} style={{ marginBottom: 0 }}>
                <Input type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} data-testid="article-publish-at" />
              </Form.Item>
              <Button onClick={publish} data-testid="article-publish">{t('publish')}</Button>
              <Popconfirm title={t('archiveConfirm')} onConfirm={archive} okText={t('archive')}>
                <Button danger data-testid="article-archive">{t('archive')}</Button>
              </Popconfirm>
            </>
          )}
        </Flex>
      )}
    </Form>
  );
}
