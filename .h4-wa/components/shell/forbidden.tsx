import { Result } from 'antd';
import { getTranslations } from 'next-intl/server';

import { describeErrors, hasErrorCode, type GraphQLError } from '@/lib/graphql';

/** A page the viewer reached by URL without the scope it needs (the gateway refuses it too). */
export async function Forbidden() {
  const t = await getTranslations('forbidden');
  return (
    <div data-testid="forbidden">
      <Result status="403" title={t('title')} subTitle={t('description')} />
    </div>
  );
}

/**
 * A page whose main field came back null: 403 when the gateway withheld it (FORBIDDEN),
 * otherwise the console error boundary with the errors' messages.
 */
export function pageFailure(errors: readonly GraphQLError[]) {
  if (hasErrorCode(errors, 'FORBIDDEN')) return <Forbidden />;
  throw new Error(describeErrors(errors) || 'The gateway answered without data.');
}
