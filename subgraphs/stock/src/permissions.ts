// Who may enter each query and mutation of stock, with those of purchasing.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { purchasingPermissions } from './purchasing/resolvers.js';

/** Stock is back-office data: operators only; the gateway has checked stock:read / stock:write. */
export const permissions: EntryPointRules = {
  Query: {
    ...purchasingPermissions.Query,
    warehouses: rules.operator,
    stockLevels: rules.operator,
    stockMovements: rules.operator,
    lowStock: rules.operator,
    stockTransfers: rules.operator,
  },
  Mutation: {
    ...purchasingPermissions.Mutation,
    warehouseCreate: rules.operator,
    warehouseUpdate: rules.operator,
    stockLevelUpdate: rules.operator,
    stockAdjust: rules.operator,
    stockReservationCreate: rules.operator,
    stockReservationRelease: rules.operator,
    stockTransferCreate: rules.operator,
    stockTransferShip: rules.operator,
    stockTransferReceive: rules.operator,
  },
};
