// Who may enter the payment queries and mutations, merged into the domain's permissions.
import { rules, type EntryPointRules } from '@shop/kit/shield';

/**
 * Operators record, capture and refund (the gateway checked orders:write or
 * orders:refund); a card payment comes from the order's customer or a guest
 * holding its cart, which the service checks against the order.
 */
export const paymentPermissions: EntryPointRules = {
  Query: { paymentReconciliation: rules.operator },
  Mutation: {
    paymentRecord: rules.operator,
    orderMarkPaid: rules.operator,
    paymentCapture: rules.operator,
    paymentRefund: rules.operator,
    paymentSandboxAuthorize: rules.public,
  },
};
