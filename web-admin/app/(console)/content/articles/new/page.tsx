import { getTranslations } from 'next-intl/server';

import { ArticleEditor } from '@/components/content/article-editor';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { getShopSettings } from '@/lib/shop-settings';
import { getViewer } from '@/lib/viewer';

export default async function NewArticlePage() {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'content')) return <Forbidden />;
  const t = await getTranslations('content');
  return (
    <>
      <PageHeader title={t('newArticle')} />
      <ArticleEditor
        draft={{ id: null, slug: '', texts: {}, coverImageUrl: '', status: 'DRAFT' }}
        editable={viewer.scopes.includes('marketing:write')}
        timeZone={shop.timeZone}
      />
    </>
  );
}
