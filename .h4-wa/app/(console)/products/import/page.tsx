import { getTranslations } from 'next-intl/server';

import { ImportWizard } from '@/components/bulk/import-wizard';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { can, getViewer } from '@/lib/viewer';

/** Import wizard: upload a CSV → dry-run report → run as a job with progress → result (catalog:write). */
export default async function ProductImportPage() {
  const viewer = await getViewer();
  if (!can(viewer, 'catalog:write')) return <Forbidden />;
  const t = await getTranslations('bulk');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ImportWizard />
    </>
  );
}
