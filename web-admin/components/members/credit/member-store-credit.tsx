import { pageFailure } from '@/components/shell/forbidden';
import { request } from '@/lib/graphql';

import { MemberStoreCreditBalance } from './credit.graphql';
import { StoreCreditAdjustForm } from './store-credit-adjust-form';

/** Store credit's adjustment form beside the points one (the loyalty section above shows the balance); members:write only. */
export async function MemberStoreCredit({ memberId, canAdjust }: { memberId: string; canAdjust: boolean }) {
  if (!canAdjust) return null;
  const { data, errors } = await request(MemberStoreCreditBalance, { id: memberId });
  if (!data?.member) return pageFailure(errors);
  const credit = data.member.storeCredit;
  if (!credit) return null;
  return (
    <section data-testid="member-store-credit">
      <StoreCreditAdjustForm memberId={memberId} currencyCode={credit.currencyCode} />
    </section>
  );
}
