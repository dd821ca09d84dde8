import { getLocale, getTranslations } from 'next-intl/server';

import { pageFailure } from '@/components/shell/forbidden';
import { formatMoney } from '@/lib/format';
import { request } from '@/lib/graphql';

import { MemberStoreCreditBalance } from './credit.graphql';
import { StoreCreditAdjustForm } from './store-credit-adjust-form';

/** Store credit beside the points: the balance and, for members:write, the adjustment form. */
export async function MemberStoreCredit({ memberId, canAdjust }: { memberId: string; canAdjust: boolean }) {
  const [{ data, errors }, locale, t] = await Promise.all([request(MemberStoreCreditBalance, { id: memberId }), getLocale(), getTranslations('memberDesk.credit')]);
  const credit = data?.member?.storeCredit;
  if (!data?.member) return pageFailure(errors);
  if (!credit) return null;
  return (
    <section data-testid="member-store-credit">
      <h3>{t('title', { balance: formatMoney(credit, locale) })}</h3>
      {canAdjust ? <StoreCreditAdjustForm memberId={memberId} currencyCode={credit.currencyCode} /> : null}
    </section>
  );
}
