// Who may enter each query and mutation of stock, with those of each sub-area.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { purchasingPermissions } from './purchasing/resolvers.js';
import { reservationPermissions } from './reservations/resolvers.js';
import { stocktakePermissions } from './stocktake/resolvers.js';
import { transferPermissions } from './transfers/resolvers.js';

/** Stock is back-office data: operators only; the gateway has checked stock:read / stock:write. */
export const permissions: EntryPointRules = {
  Query: {
    ...purchasingPermissions.Query,
    ...transferPermissions.Query,
    warehouses: rules.operator,
    stockLevels: rules.operator,
    stockMovements: rules.operator,
    lowStock: rules.operator,
  },
  Mutation: {
    ...purchasingPermissions.Mutation,
    ...stocktakePermissions.Mutation,
    ...transferPermissions.Mutation,
    ...reservationPermissions.Mutation,
    warehouseCreate: rules.operator,
    warehouseUpdate: rules.operator,
    stockLevelUpdate: rules.operator,
    stockAdjust: rules.operator,
  },
};
