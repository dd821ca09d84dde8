// Who may enter each query and mutation of orders, with those of payments/, flags/ and shipments/.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { afterSalesPermissions } from './after-sales/permissions.js';
import { batchPermissions } from './batch/index.js';
import { pricingPermissions } from './pricing/resolvers.js';
import { flagPermissions } from './flags/permissions.js';
import { paymentPermissions } from './payments/permissions.js';
import { shipmentPermissions } from './shipments/permissions.js';
import { cartCouponPermissions } from './cart-coupons/resolvers.js';
import { qualityPermissions } from './quality/permissions.js';
import { documentPermissions } from './documents/permissions.js';

/**
 * Who may enter the orders subgraph where (row rules live in the loaders and
 * services). Storefront carts and checkout are open to anyone: a cart is
 * reached only through its unguessable id, and a member's cart only by them.
 */
export const permissions: EntryPointRules = {
  Query: {
    ...paymentPermissions.Query,
    ...afterSalesPermissions.Query,
    ...flagPermissions.Query,
    ...shipmentPermissions.Query,
    ...qualityPermissions.Query,
    orders: rules.operator,
    orderCounts: rules.operator,
    // A customer reaches only their own orders: the loader's row rule.
    order: rules.signedIn,
    myOrder: rules.customer,
    myOrders: rules.customer,
    cart: rules.public,
    ...pricingPermissions.Query,
    ...batchPermissions.Query,
  },
  Mutation: {
    ...paymentPermissions.Mutation,
    ...afterSalesPermissions.Mutation,
    ...cartCouponPermissions.Mutation,
    ...flagPermissions.Mutation,
    ...batchPermissions.Mutation,
    ...shipmentPermissions.Mutation,
    ...qualityPermissions.Mutation,
    ...documentPermissions.Mutation,
    cartCreate: rules.public,
    cartLinesAdd: rules.public,
    cartLinesUpdate: rules.public,
    cartLinesRemove: rules.public,
    cartSetAddress: rules.public,
    cartSetShippingMethod: rules.public,
    checkoutComplete: rules.public,
    orderCreate: rules.operator,
    orderImport: rules.operator,
    orderCancel: rules.operator,
    orderClose: rules.operator,
    orderFulfil: rules.operator,
    orderShip: rules.operator,
    orderMarkDelivered: rules.operator,
    orderComplete: rules.operator,
    orderNoteAdd: rules.operator,
    orderTagsAdd: rules.operator,
    orderTagsRemove: rules.operator,
  },
};
