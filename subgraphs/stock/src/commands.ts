/**
 * What other domains may call, always inside their own transaction (checkout
 * reserves stock in the order's transaction). A failed result means: roll back.
 */
export { reserve, release, commit, shipFromReservation, heldLines, pickingWarehouseId, isActiveWarehouse, referencesHeldIn } from './reservations/index.js';
export { applyMovements, verifyLedger, type MovementInput, type MovementKind } from './ledger/index.js';
