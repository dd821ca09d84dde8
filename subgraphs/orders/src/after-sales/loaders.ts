// Per-request batch loaders of after-sales, merged into the domain's createLoaders.
import { groupLoader, rowLoader, type Db, type Principal } from '@shop/kit';
import { photosByRequestIds } from './photos.js';
import { linesByRequestIds, orderLinesByIds, requestsByOrderIds, returnRequestsByIds } from './service.js';

export function createAfterSalesLoaders(db: Db, principal: Principal) {
  return {
    returnRequestById: rowLoader((ids: readonly string[]) => returnRequestsByIds(db, ids, principal), (row) => row.id),
    returnLinesByRequestId: groupLoader((ids: readonly string[]) => linesByRequestIds(db, ids), (row) => row.returnRequestId),
    returnRequestsByOrderId: groupLoader((ids: readonly string[]) => requestsByOrderIds(db, ids), (row) => row.orderId),
    returnPhotosByRequestId: groupLoader((ids: readonly string[]) => photosByRequestIds(db, ids), (row) => row.returnRequestId!),
    orderLineById: rowLoader((ids: readonly string[]) => orderLinesByIds(db, ids), (row) => row.id),
  };
}
