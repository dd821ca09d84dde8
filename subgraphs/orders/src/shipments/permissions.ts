// Who may enter the fulfilment queries and mutations, merged into the domain's permissions.
import { rules, type EntryPointRules } from '@shop/kit/shield';

/** Operators (staff and partner keys; the gateway checked orders:read or orders:write); the sandbox carrier is driven by staff only. */
export const shipmentPermissions: EntryPointRules = {
  Query: {
    carriers: rules.operator,
    fulfilmentQueue: rules.operator,
    shipmentMergeSuggestions: rules.operator,
    deliveryExceptions: rules.operator,
  },
  Mutation: {
    shipmentCreate: rules.operator,
    shipmentBook: rules.operator,
    shipmentTrackingEventAdd: rules.operator,
    shipmentSandboxAdvance: rules.staff,
    deliveryExceptionResolve: rules.operator,
    ordersShipTogether: rules.operator,
  },
};
