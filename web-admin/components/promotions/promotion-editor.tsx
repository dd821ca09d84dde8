'use client';

import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Select, Switch, Tag, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import type { CatalogCategory } from '@/app/(console)/products/products.graphql';
import type { CurrencyCode, MemberTier } from '@/app/(console)/promotions/promotions.graphql';
import { archivePromotion, savePromotion } from '@/app/(console)/promotions/actions';
import type { ScopeChoice } from '@/app/(console)/promotions/search-actions';
import { FormErrors } from '@/components/shell/form-errors';

import { KindFields } from './kind-fields';
import { LocalizedTitles } from './localized-titles';
import { orderChannels, promotionKinds, statusColors, type PromotionKind, type PromotionStatus } from './promotion-enums';
import type { PromotionFormValues } from './promotion-form-values';
import { usePromotionFeedback } from './promotion-feedback';
import { toPromotionInput } from './promotion-input';
import { ScopeField } from './scope-field';
import { TryCartPanel } from './try-cart/try-cart-panel';

/** Currencies a promotion can be priced in (the shop's markets). */
const currencies: CurrencyCode[] = ['THB', 'CNY', 'USD', 'SAR', 'AED'];
const memberTiers: MemberTier[] = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'];

export interface PromotionEditorChoices {
  categories: readonly CatalogCategory[];
  segments: { id: string; name: string }[];
  knownProducts: ScopeChoice[];
  knownCollections: ScopeChoice[];
}

/**
 * The promotion editor: titles per language, the kind and its benefit, the scope, the schedule
 * (wall times in the shop's time zone), channels, segments, priority and stacking; saved as a
 * draft or published, archived after a confirmation. Beside it, "try a cart" prices a cart
 * with the saved promotions and explains every rule.
 */
export function PromotionEditor({
  promotion,
  initialValues,
  choices,
  editable,
  timeZone,
}: {
  promotion: { id: string; status: PromotionStatus } | null;
  initialValues: PromotionFormValues;
  choices: PromotionEditorChoices;
  editable: boolean;
  timeZone: string;
}) {
  const t = useTranslations('promotions');
  const te = useTranslations('promotions.editor');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = usePromotionFeedback();
  const [form] = Form.useForm<PromotionFormValues>();
  const kind = Form.useWatch('kind', form) ?? initialValues.kind;
  const currencyCode = Form.useWatch('currencyCode', form) ?? initialValues.currencyCode;
  const [saved, setSaved] = useState(promotion);
  const [revision, setRevision] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'draft' | 'publish' | null>(null);
  const [looseErrors, setLooseErrors] = useState<string[]>([]);

  const save = async (publish: boolean) => {
    let values: PromotionFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(publish ? 'publish' : 'draft');
    setLooseErrors([]);
    const result = await savePromotion(saved?.id ?? null, toPromotionInput(values, timeZone), publish).finally(() => setBusy(null));
    if (!result.ok) return setLooseErrors(report(result, form));
    void message.success(t('saved'));
    // The URL names the saved promotion without remounting the editor, so the trial cart stays.
    if (!saved) window.history.replaceState(null, '', `/promotions/${result.value.id}`);
    setSaved(result.value);
    setDirty(false);
    setRevision((r) => r + 1);
  };

  const archive = async () => {
    if (!saved) return;
    const result = await archivePromotion(saved.id);
    if (!result.ok) return setLooseErrors(report(result));
    void message.success(t('archived'));
    router.push('/promotions');
    router.refresh();
  };

  const archived = saved?.status === 'ARCHIVED';
  return (
    <Flex gap={16} align="start" wrap>
      <Form<PromotionFormValues>
        form={form}
        layout="vertical"
        disabled={!editable || archived}
        initialValues={initialValues}
        onValuesChange={() => setDirty(true)}
        style={{ flex: '1 1 560px', minWidth: 0 }}
        data-testid="promotion-editor"
      >
        <FormErrors messages={looseErrors} />
        {saved && (
          <Typography.Paragraph>
            {te('status')}{' '}
            <Tag color={statusColors[saved.status]} data-testid="promotion-editor-status" data-status={saved.status}>
              {t(`status.${saved.status}`)}
            </Tag>
          </Typography.Paragraph>
        )}
        <Card size="small" title={te('titles')} style={{ marginBottom: 16 }}>
          <LocalizedTitles />
        </Card>
        <Card size="small" title={te('benefit')} style={{ marginBottom: 16 }}>
          <Flex gap={16} wrap>
            <Form.Item name="kind" label={te('kind')} extra={saved ? te('kindFixed') : undefined} style={{ minWidth: 280 }}>
              <Select<PromotionKind>
                disabled={saved !== null}
                data-testid="promotion-kind"
                options={promotionKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
                optionRender={(option) => <span data-testid={`promotion-kind-option-${option.value}`}>{option.label}</span>}
              />
            </Form.Item>
            <Form.Item name="currencyCode" label={te('currency')}>
              <Select<CurrencyCode>
                disabled={saved !== null}
                style={{ width: 100 }}
                data-testid="promotion-currency"
                options={currencies.map((value) => ({ value, label: value }))}
              />
            </Form.Item>
          </Flex>
          <Typography.Paragraph type="secondary">{t(`kindHelp.${kind}`)}</Typography.Paragraph>
          <KindFields kind={kind} currencyCode={currencyCode} />
        </Card>
        <Card size="small" title={te('appliesTo')} style={{ marginBottom: 16 }}>
          <ScopeField categories={choices.categories} knownProducts={choices.knownProducts} knownCollections={choices.knownCollections} />
        </Card>
        <Card size="small" title={te('whoAndWhen')} style={{ marginBottom: 16 }}>
          <Flex gap={16} wrap>
            <Form.Item name="startsAt" label={te('startsAt')} extra={te('timeZone', { timeZone })}>
              <Input type="datetime-local" dir="ltr" style={{ width: 220 }} data-testid="promotion-startsAt" />
            </Form.Item>
            <Form.Item name="endsAt" label={te('endsAt')}>
              <Input type="datetime-local" dir="ltr" style={{ width: 220 }} data-testid="promotion-endsAt" />
            </Form.Item>
          </Flex>
          <Form.Item name="channels" label={te('channels')} extra={te('channelsHelp')}>
            <Select
              mode="multiple"
              allowClear
              data-testid="promotion-channels"
              options={orderChannels.map((value) => ({ value, label: t(`channels.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="memberTiers"
            label={te('memberTiers')}
            extra={te('memberTiersHelp')}
            rules={kind === 'TIER_PRICE' ? [{ required: true, type: 'array', min: 1, message: te('memberTiersRequired') }] : undefined}
          >
            <Select<MemberTier[]>
              mode="multiple"
              allowClear
              data-testid="promotion-memberTiers"
              options={memberTiers.map((value) => ({ value, label: t(`tiers.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="segmentIds" label={te('segments')} extra={te('segmentsHelp')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="promotion-segments"
              options={choices.segments.map((segment) => ({ value: segment.id, label: segment.name }))}
            />
          </Form.Item>
        </Card>
        <Card size="small" title={te('stacking')} style={{ marginBottom: 16 }}>
          <Flex gap={24} wrap>
            <Form.Item name="priority" label={te('priority')} extra={te('priorityHelp')} rules={[{ required: true, type: 'integer', min: 0, message: te('priorityInvalid') }]}>
              <InputNumber min={0} max={10000} precision={0} style={{ width: 120 }} data-testid="promotion-priority" />
            </Form.Item>
            <Form.Item name="combinable" label={te('combinable')} extra={te('combinableHelp')} valuePropName="checked">
              <Switch data-testid="promotion-combinable" />
            </Form.Item>
          </Flex>
        </Card>
        {editable && !archived && (
          <Flex gap={8} wrap>
            <Button onClick={() => save(false)} loading={busy === 'draft'} disabled={busy !== null} data-testid="promotion-save-draft">
              {te('saveDraft')}
            </Button>
            <Button type="primary" onClick={() => save(true)} loading={busy === 'publish'} disabled={busy !== null} data-testid="promotion-publish">
              {te('publish')}
            </Button>
            {saved && (
              <Popconfirm title={te('archiveConfirm')} okText={te('archive')} cancelText={te('cancel')} onConfirm={archive} okButtonProps={{ danger: true, 'data-testid': 'promotion-archive-confirm' }}>
                <Button danger data-testid="promotion-archive">
                  {te('archive')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        )}
      </Form>
      <TryCartPanel promotionId={saved?.id ?? null} status={saved?.status ?? null} currencyCode={currencyCode} timeZone={timeZone} revision={revision} unsaved={dirty} />
    </Flex>
  );
}
