import { getTranslations } from 'next-intl/server';

import { OrderCreateForm } from '@/components/orders/order-create-form';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { can, getViewer } from '@/lib/viewer';

/** A new order for a phone sale or a till sale (orders:write; the member picker needs members:read). */
export default async function NewOrderPage() {
  const viewer = await getViewer();
  if (!can(viewer, 'orders:write')) return <Forbidden />;
  const t = await getTranslations('orders.create');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <OrderCreateForm canPickMember={can(viewer, 'members:read')} />
    </>
  );
}
