'use client';

import { useEffect, useMemo, useState } from 'react';
import { InboxOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Col, Flex, Form, Input, Popconfirm, Row, Select, Space, TreeSelect, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { saveProduct, setProductArchived } from '@/app/(console)/products/actions';
import type { CatalogLimits, EditorProduct, ProductFieldsInput } from '@/app/(console)/products/editor.graphql';
import type { CatalogChoices } from '@/app/(console)/products/products.graphql';
import { FormErrors } from '@/components/shell/form-errors';
import type { NamePath } from '@/components/shell/user-error-feedback';

import { productStatuses, type ProductStatus } from './catalog-enums';
import { useCatalogFeedback } from './catalog-feedback';
import { categoryNodes } from './category-nodes';
import { CollectionPicker } from './collection-picker';
import { handlePreview } from './handle';
import { MediaField } from './media-field';
import type { MediaValue } from './product-media';
import { OptionAxes } from './option-axes';
import { ProductStatusTag } from './product-status-tag';
import { RichTextEditor } from './rich-text-editor';
import { SeoFields } from './seo-fields';
import { TranslationTabs } from './translation-tabs';
import { combinations, matrixRows, usableOptions, VariantMatrix, type OptionValues, type VariantValues } from './variant-matrix';

interface TranslationValues {
  title?: string;
  descriptionHtml?: string;
  seoTitle?: string;
  seoDescription?: string;
}

/** The editor's form, shaped for its controls (translations by locale, prices as text). */
interface EditorValues {
  title: string;
  handle: string;
  status: ProductStatus;
  brand: string;
  descriptionHtml: string;
  options: OptionValues[];
  variants: VariantValues[];
  media: MediaValue[];
  categoryIds: string[];
  collectionIds: string[];
  tags: string[];
  seo: { title: string; description: string };
  translations: Record<string, TranslationValues>;
}

function initialValues(product: EditorProduct | null): EditorValues {
  if (!product) {
    return {
      title: '',
      handle: '',
      status: 'DRAFT',
      brand: '',
      descriptionHtml: '',
      options: [],
      variants: matrixRows([], []),
      media: [],
      categoryIds: [],
      collectionIds: [],
      tags: [],
      seo: { title: '', description: '' },
      translations: {},
    };
  }
  return {
    title: product.title,
    handle: product.handle,
    status: product.status,
    brand: product.brand?.name ?? '',
    descriptionHtml: product.descriptionHtml,
    options: product.options,
    variants: product.variants.map((v) => ({
      id: v.id,
      options: v.selectedOptions.map((o) => o.value),
      sku: v.sku,
      barcode: v.barcode ?? '',
      weightGrams: v.weightGrams,
      price: v.price.amount,
      compareAtPrice: v.compareAtPrice?.amount ?? '',
      costPrice: v.costPrice?.amount ?? '',
    })),
    media: [...product.media].sort((a, b) => a.position - b.position).map((m) => ({ url: m.url, alt: m.alt })),
    categoryIds: product.categories.map((c) => c.id),
    collectionIds: product.collections.map((c) => c.id),
    tags: product.tags,
    seo: { title: product.seo.title ?? '', description: product.seo.description ?? '' },
    translations: Object.fromEntries(
      product.translations.map((tr) => [
        tr.locale,
        {
          title: tr.title ?? '',
          descriptionHtml: tr.descriptionHtml ?? '',
          seoTitle: tr.seoTitle ?? '',
          seoDescription: tr.seoDescription ?? '',
        },
      ]),
    ),
  };
}

/** The form's values as productCreate / productUpdate input; every locale is sent (empty ones are removed). */
function inputOf(values: EditorValues, locales: string[], canReadCost: boolean): ProductFieldsInput {
  const text = (value: string | null | undefined) => value?.trim() ?? '';
  const options = usableOptions(values.options);
  return {
    title: text(values.title),
    ...(text(values.handle) ? { handle: text(values.handle) } : {}),
    descriptionHtml: values.descriptionHtml ?? '',
    brand: text(values.brand),
    status: values.status,
    options,
    variants: values.variants.map((v) => ({
      ...(v.id ? { id: v.id } : {}),
      ...(text(v.sku) ? { sku: text(v.sku) } : {}),
      options: v.options,
      barcode: text(v.barcode),
      weightGrams: v.weightGrams ?? null,
      price: text(v.price),
      compareAtPrice: text(v.compareAtPrice) || null,
      // Without catalog:read_cost the editor never saw the cost: leave it as it is.
      ...(canReadCost ? { costPrice: text(v.costPrice) || null } : {}),
    })),
    media: values.media.map((m) => ({ url: m.url, alt: text(m.alt) })),
    categoryIds: values.categoryIds ?? [],
    collectionIds: values.collectionIds ?? [],
    tags: values.tags ?? [],
    seo: { title: text(values.seo?.title), description: text(values.seo?.description) },
    translations: locales.map((locale) => {
      const tr = values.translations?.[locale] ?? {};
      return {
        locale,
        title: text(tr.title),
        descriptionHtml: tr.descriptionHtml ?? '',
        seoTitle: text(tr.seoTitle),
        seoDescription: text(tr.seoDescription),
      };
    }),
  };
}

/**
 * The product editor (new and existing): general fields with a handle preview, option axes
 * that generate the variant matrix, images, organisation, SEO with a search-result preview,
 * and translation tabs. userErrors land on the field their path names.
 */
export function ProductEditor({
  product,
  limits,
  choices,
  storefrontBase,
  canReadCost,
  canWrite,
}: {
  product: EditorProduct | null;
  limits: CatalogLimits;
  choices: CatalogChoices;
  /** The storefront's product URL without the handle, e.g. https://shop.example/products/. */
  storefrontBase: string;
  canReadCost: boolean;
  canWrite: boolean;
}) {
  const t = useTranslations('productEditor');
  const tp = useTranslations('products');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useCatalogFeedback();
  const [form] = Form.useForm<EditorValues>();
  const [busy, setBusy] = useState(false);
  const [loose, setLoose] = useState<string[]>([]);
  const initial = useMemo(() => initialValues(product), [product]);

  const title = (Form.useWatch('title', form) as string | undefined) ?? initial.title;
  const handle = (Form.useWatch('handle', form) as string | undefined) ?? initial.handle;
  const watchedOptions = Form.useWatch('options', form) as OptionValues[] | undefined;
  const options = useMemo(() => usableOptions(watchedOptions ?? initial.options), [watchedOptions, initial.options]);
  const combos = useMemo(() => combinations(options).length, [options]);
  const tooMany = combos > limits.maxVariants ? combos : null;
  const generated = handlePreview(title, limits.handleMaxLength);
  const effectiveHandle = handle.trim() || generated || '…';

  // The matrix follows the axes: one row per combination, entered values kept.
  useEffect(() => {
    if (tooMany !== null) return;
    const current = (form.getFieldValue('variants') as VariantValues[] | undefined) ?? [];
    const next = matrixRows(options, current);
    const same = next.length === current.length && next.every((row, i) => row === current[i]);
    if (!same) form.setFieldValue('variants', next);
  }, [form, options, tooMany]);

  /** Error paths name inputs; translations go by position there and by locale in the form. */
  const toForm = (path: NamePath): NamePath =>
    path[0] === 'translations' && typeof path[1] === 'number'
      ? ['translations', limits.translationLocales[path[1]] ?? path[1], ...path.slice(2)]
      : path;

  const submit = async () => {
    if (tooMany !== null) return;
    setLoose([]);
    const values = form.getFieldsValue(true) as EditorValues;
    setBusy(true);
    const result = await saveProduct(product?.id ?? null, inputOf(values, limits.translationLocales, canReadCost)).finally(() =>
      setBusy(false),
    );
    if (!result.ok) {
      const rest = report(result, form, toForm);
      setLoose(result.reason === 'USER_ERRORS' && !rest.length ? [t('fixErrors')] : rest);
      return;
    }
    if (product) {
      void message.success(t('saved'));
      router.refresh();
    } else {
      void message.success(t('created'));
      router.push(`/products/${encodeURIComponent(result.value)}`);
    }
  };

  const toggleArchive = async () => {
    if (!product) return;
    const archiving = product.status !== 'ARCHIVED';
    setBusy(true);
    const result = await setProductArchived(product.id, archiving).finally(() => setBusy(false));
    if (!result.ok) return void report(result);
    void message.success(archiving ? t('archived') : t('unarchived'));
    router.refresh();
  };

  const archived = product?.status === 'ARCHIVED';

  return (
    <Form<EditorValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      onFinishFailed={() => setLoose([t('fixErrors')])}
      disabled={!canWrite}
      data-testid="product-editor"
      scrollToFirstError
    >
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space>{product && <ProductStatusTag status={product.status} />}</Space>
        {canWrite && (
          <Space wrap>
            {product && (
              <Popconfirm
                title={archived ? t('unarchiveTitle') : t('archiveTitle')}
                description={archived ? t('unarchiveConfirm') : t('archiveConfirm')}
                okText={archived ? t('unarchive') : t('archive')}
                cancelText={tc('cancel')}
                okButtonProps={{ danger: !archived, 'data-testid': 'product-archive-confirm' } as ButtonProps}
                onConfirm={toggleArchive}
              >
                <Button danger={!archived} icon={archived ? <RollbackOutlined /> : <InboxOutlined />} data-testid="product-archive">
                  {archived ? t('unarchive') : t('archive')}
                </Button>
              </Popconfirm>
            )}
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy} data-testid="product-save">
              {t('save')}
            </Button>
          </Space>
        )}
      </Flex>
      <FormErrors messages={loose} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card title={t('sections.general')}>
              <Form.Item
                name="title"
                label={t('title')}
                rules={[{ required: true, whitespace: true, message: tc('required') }]}
              >
                <Input maxLength={limits.titleMaxLength} showCount data-testid="product-title" />
              </Form.Item>
              <Form.Item
                name="handle"
                label={t('handle')}
                extra={
                  <span data-testid="product-handle-preview">
                    {handle.trim() ? t('handleHint') : t('handleGenerated', { handle: generated || '…' })}
                  </span>
                }
                rules={[{ pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, message: t('handleHint') }]}
              >
                <Input dir="ltr" placeholder={generated} maxLength={limits.handleMaxLength} data-testid="product-handle" />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="status" label={t('status')}>
                    <Select
                      data-testid="product-status-select"
                      options={productStatuses
                        .filter((s) => s !== 'ARCHIVED' || product?.status === 'ARCHIVED')
                        .map((value) => ({ value, label: tp(`status.${value}`) }))}
                      disabled={!canWrite || archived}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="brand" label={t('brand')} extra={t('brandHint')}>
                    <AutoComplete
                      data-testid="product-brand"
                      options={choices.brands.map((b) => ({ value: b.name }))}
                      showSearch={{ filterOption: (input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase()) }}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="descriptionHtml" label={t('description')}>
                <RichTextEditor testId="product-description" />
              </Form.Item>
            </Card>
            <Card title={t('sections.options')}>
              <OptionAxes max={limits.maxOptions} />
            </Card>
            <Card title={t('sections.variants')}>
              <VariantMatrix canReadCost={canReadCost} max={limits.maxVariants} tooMany={tooMany} />
            </Card>
            <Card title={t('sections.media')}>
              <Form.Item name="media" style={{ marginBottom: 0 }}>
                <MediaField />
              </Form.Item>
            </Card>
            <Card title={t('sections.translations')}>
              <TranslationTabs locales={limits.translationLocales} limits={limits} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card title={t('sections.organization')}>
              <Form.Item name="categoryIds" label={t('categories')}>
                <TreeSelect
                  multiple
                  treeDefaultExpandAll
                  treeNodeFilterProp="title"
                  treeData={categoryNodes(choices.categories)}
                  data-testid="product-categories"
                />
              </Form.Item>
              <Form.Item name="collectionIds" label={t('collections')}>
                <CollectionPicker mode="multiple" known={product?.collections ?? []} data-testid="product-collections" />
              </Form.Item>
              <Form.Item name="tags" label={t('tags')}>
                <Select mode="tags" open={false} suffixIcon={null} placeholder={t('tagsPlaceholder')} data-testid="product-tags" />
              </Form.Item>
            </Card>
            <Card title={t('sections.seo')}>
              <SeoFields limits={limits} storefrontUrl={`${storefrontBase}${effectiveHandle}`} />
            </Card>
            {tooMany !== null && <Alert type="warning" showIcon title={t('variants.tooMany', { count: tooMany, max: limits.maxVariants })} />}
          </Flex>
        </Col>
      </Row>
    </Form>
  );
}
