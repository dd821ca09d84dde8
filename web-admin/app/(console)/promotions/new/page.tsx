import { getTranslations } from 'next-intl/server';

import { PromotionEditor } from '@/components/promotions/promotion-editor';
import { newPromotionValues } from '@/components/promotions/promotion-form-values';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { editorChoices } from '../editor-choices';
import { PromotionEditorChoices } from '../promotions.graphql';

/** A new promotion (marketing:write), with the trial cart beside it. */
export default async function NewPromotionPage() {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'promotions') || !can(viewer, 'marketing:write')) return <Forbidden />;
  const [{ data, errors }, t] = await Promise.all([request(PromotionEditorChoices, {}), getTranslations('promotions')]);
  if (!data) return pageFailure(errors);
  return (
    <>
      <PageHeader title={t('new')} />
      <PromotionEditor
        promotion={null}
        initialValues={newPromotionValues()}
        choices={editorChoices(data, [], [])}
        editable
        timeZone={shop.timeZone}
      />
    </>
  );
}
