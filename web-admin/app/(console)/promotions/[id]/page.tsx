import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { PromotionEditor } from '@/components/promotions/promotion-editor';
import { formValuesOf } from '@/components/promotions/promotion-input';
import { PromotionTitle } from '@/components/promotions/promotion-title';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { editorChoices, knownScopeChoices } from '../editor-choices';
import { PromotionDetail, PromotionEditorChoices } from '../promotions.graphql';

/** One promotion in the editor, with the trial cart beside it (marketing:read; changes marketing:write). */
export default async function PromotionPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'promotions')) return <Forbidden />;
  const { id } = await params;
  const locale = await getLocale();
  const [{ data, errors }, choices, t] = await Promise.all([
    request(PromotionDetail, { id, locale }),
    request(PromotionEditorChoices, {}),
    getTranslations('promotions'),
  ]);
  const promotion = data?.promotion;
  if (!promotion) return errors.length ? pageFailure(errors) : notFound();
  if (!choices.data) return pageFailure(choices.errors);
  const shop = await getShopSettings();
  const { timeZone } = shop;
  const known = await knownScopeChoices(promotion.scope, locale);
  return (
    <>
      <PageHeader title={<PromotionTitle text={promotion.title} testId="promotion-heading" />} description={t(`kind.${promotion.kind}`)} />
      <PromotionEditor
        promotion={{ id: promotion.id, status: promotion.status }}
        initialValues={formValuesOf(promotion, timeZone)}
        choices={editorChoices(choices.data, known.products, known.collections)}
        editable={can(viewer, 'marketing:write')}
        timeZone={timeZone}
      />
    </>
  );
}
