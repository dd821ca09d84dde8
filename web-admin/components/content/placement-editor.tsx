'use client';

import { useState } from 'react';
import { App, Button, Flex, Form, Input, Popconfirm, Select, Tabs, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { archivePlacement, savePlacement, type PlacementFields, type PlacementKind } from '@/app/(console)/content/actions';
import { FormErrors } from '@/components/shell/form-errors';
import type { UserError } from '@/lib/mutation';

import { errorKey } from './error-keys';
import { CONTENT_LOCALES, directionOf, LOCALE_NAMES, ORDER_CHANNELS, textLocaleOf, type ContentLocale } from './locales';

/** A banner or announcement as the editor holds it: texts by locale, times as the shop's wall clock. */
export interface PlacementDraft {
  id: string | null;
  texts: Partial<Record<ContentLocale, { title: string; body: string }>>;
  imageUrl: string;
  linkUrl: string;
  channels: PlacementFields['channels'];
  locales: string[];
  startsAt: string;
  endsAt: string;
}

/** Texts with a title or body, in locale order, as the mutation takes them. */
function textsOf(draft: PlacementDraft): PlacementFields['texts'] {
  return CONTENT_LOCALES.flatMap((locale) => {
    const text = draft.texts[locale];
    if (!text || (!text.title.trim() && !text.body.trim())) return [];
    return [{ locale, title: text.title, body: text.body.trim() || null }];
  });
}

/**
 * Edits a banner (image, link) or an announcement: a tab per language for the
 * texts (Arabic written right to left), where and when it shows. Archive asks first.
 */
export function PlacementEditor({ kind, draft, editable, timeZone }: { kind: PlacementKind; draft: PlacementDraft; editable: boolean; timeZone: string }) {
  const t = useTranslations('content');
  const router = useRouter();
  const { message } = App.useApp();
  const [value, setValue] = useState(draft);
  const [errors, setErrors] = useState<{ sent: PlacementFields['texts']; list: UserError[] }>({ sent: [], list: [] });
  const [busy, setBusy] = useState(false);
  const listHref = kind === 'banner' ? '/content' : '/content/announcements';

  const set = (patch: Partial<PlacementDraft>) => setValue((v) => ({ ...v, ...patch }));
  const setText = (locale: ContentLocale, patch: Partial<{ title: string; body: string }>) =>
    setValue((v) => ({ ...v, texts: { ...v.texts, [locale]: { title: '', body: '', ...v.texts[locale], ...patch } } }));

  const fieldErrors = (name: string) => errors.list.filter((e) => e.field?.[1] === name && e.field[1] !== 'texts').map((e) => t(errorKey(e.code)));
  const textErrors = (locale: string) => errors.list.filter((e) => textLocaleOf(e.field, errors.sent) === locale).map((e) => t(errorKey(e.code)));
  const looseErrors = errors.list.filter((e) => e.field?.[1] === 'texts' && !textLocaleOf(e.field, errors.sent)).map((e) => t(errorKey(e.code)));
  const item = (name: string) => {
    const found = fieldErrors(name);
    return { validateStatus: found.length ? ('error' as const) : undefined, help: found[0] };
  };

  const save = async () => {
    const texts = textsOf(value);
    setBusy(true);
    const result = await savePlacement(kind, draft.id, {
      texts,
      imageUrl: value.imageUrl.trim(),
      linkUrl: value.linkUrl.trim() || null,
      channels: value.channels,
      locales: value.locales,
      startsAt: value.startsAt,
      endsAt: value.endsAt,
    }).finally(() => setBusy(false));
    if (result.ok) {
      void message.success(t('saved'));
      router.push(listHref);
      router.refresh();
      return;
    }
    if (result.reason === 'USER_ERRORS') setErrors({ sent: texts, list: result.userErrors });
    else void message.error(t(result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED'));
  };

  const archive = async () => {
    if (!draft.id) return;
    const result = await archivePlacement(kind, draft.id);
    if (result.ok) {
      router.push(listHref);
      router.refresh();
    } else void message.error(t(result.reason === 'USER_ERRORS' ? errorKey(result.userErrors[0]!.code) : result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED'));
  };

  return (
    <Form layout="vertical" disabled={!editable} style={{ maxWidth: 760 }} onFinish={save} data-testid="placement-editor">
      <FormErrors messages={looseErrors} />
      <Typography.Paragraph type="secondary">{t('hints.englishRequired')}</Typography.Paragraph>
      <Tabs
        items={CONTENT_LOCALES.map((locale) => {
          const text = value.texts[locale] ?? { title: '', body: '' };
          const problems = textErrors(locale);
          return {
            key: locale,
            label: <span data-testid={`locale-tab-${locale}`} style={problems.length ? { color: '#cf1322' } : undefined}>{LOCALE_NAMES[locale]}</span>,
            forceRender: true,
            children: (
              <div dir={directionOf(locale)} lang={locale}>
                <FormErrors messages={problems} />
                <Form.Item label={t('fields.title')} required={locale === 'en'}>
                  <Input dir={directionOf(locale)} value={text.title} maxLength={120} onChange={(e) => setText(locale, { title: e.target.value })} data-testid={`placement-title-${locale}`} />
                </Form.Item>
                <Form.Item label={t('fields.body')}>
                  <Input.TextArea dir={directionOf(locale)} value={text.body} maxLength={500} rows={2} onChange={(e) => setText(locale, { body: e.target.value })} data-testid={`placement-body-${locale}`} />
                </Form.Item>
              </div>
            ),
          };
        })}
      />
      {kind === 'banner' && (
        <Form.Item label={t('fields.imageUrl')} required {...item('imageUrl')}>
          <Input dir="ltr" value={value.imageUrl} onChange={(e) => set({ imageUrl: e.target.value })} placeholder="https://… /media/…" data-testid="placement-image" />
        </Form.Item>
      )}
      <Form.Item label={t('fields.linkUrl')} {...item('linkUrl')}>
        <Input dir="ltr" value={value.linkUrl} onChange={(e) => set({ linkUrl: e.target.value })} placeholder="/sale" data-testid="placement-link-url" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item label={t('fields.channels')} extra={t('hints.channelsAll')} style={{ flex: '1 1 300px' }} {...item('channels')}>
          <Select
            mode="multiple"
            value={value.channels}
            onChange={(channels) => set({ channels })}
            placeholder={t('everyChannel')}
            options={ORDER_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            data-testid="placement-channels"
          />
        </Form.Item>
        <Form.Item label={t('fields.locales')} extra={t('hints.localesAll')} style={{ flex: '1 1 300px' }} {...item('locales')}>
          <Select
            mode="multiple"
            value={value.locales}
            onChange={(locales) => set({ locales })}
            placeholder={t('everyLanguage')}
            options={CONTENT_LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
            data-testid="placement-locales"
          />
        </Form.Item>
      </Flex>
      <Typography.Paragraph type="secondary">{t('hints.shopTime', { zone: timeZone })}</Typography.Paragraph>
      <Flex gap={16} wrap>
        <Form.Item label={t('fields.startsAt')} extra={t('hints.startsAtEmpty')} {...item('startsAt')}>
          <Input type="datetime-local" value={value.startsAt} onChange={(e) => set({ startsAt: e.target.value })} data-testid="placement-starts" />
        </Form.Item>
        <Form.Item label={t('fields.endsAt')} extra={t('hints.endsAtEmpty')} {...item('endsAt')}>
          <Input type="datetime-local" value={value.endsAt} onChange={(e) => set({ endsAt: e.target.value })} data-testid="placement-ends" />
        </Form.Item>
      </Flex>
      {editable && (
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="placement-save">
            {t('save')}
          </Button>
          {draft.id && (
            <Popconfirm title={t('archiveConfirm')} onConfirm={archive} okText={t('archive')}>
              <Button danger data-testid="placement-archive">{t('archive')}</Button>
            </Popconfirm>
          )}
        </Flex>
      )}
    </Form>
  );
}
