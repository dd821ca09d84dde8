// Who may enter the after-sales queries and mutations, merged into the domain's permissions.
import { rules, type EntryPointRules } from '@shop/kit/shield';

/**
 * Operators list, decide, receive and refund (the gateway checked orders:read,
 * orders:write or orders:refund); a customer opens and reads requests on their
 * own orders only, which the service and the loader's row rule check.
 */
export const afterSalesPermissions: EntryPointRules = {
  Query: {
    returnRequests: rules.operator,
    returnRequest: rules.signedIn,
    myReturnRequests: rules.customer,
  },
  Mutation: {
    myReturnRequestCreate: rules.customer,
    returnRequestCreate: rules.operator,
    returnRequestApprove: rules.operator,
    returnRequestReject: rules.operator,
    returnRequestReceive: rules.operator,
    returnRequestRefund: rules.operator,
    returnRequestExchange: rules.operator,
    returnRequestClose: rules.operator,
    myReturnRequestCancel: rules.customer,
  },
};
