'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  StockTransferCreate,
  StockTransferReceive,
  StockTransferShip,
  type StockTransferCreateInput,
} from './transfers.graphql';

/** stockTransferCreate: a DRAFT transfer between two warehouses. */
export async function createTransfer(input: StockTransferCreateInput): Promise<ActionResult<null>> {
  return runMutation(StockTransferCreate, { input }, (d) => d.stockTransferCreate, () => null);
}

/** stockTransferShip: the stock leaves the source warehouse (TRANSFER_OUT). */
export async function shipTransfer(id: string): Promise<ActionResult<null>> {
  return runMutation(StockTransferShip, { input: { id } }, (d) => d.stockTransferShip, () => null);
}

/** stockTransferReceive: the stock arrives in the destination warehouse (TRANSFER_IN). */
export async function receiveTransfer(id: string): Promise<ActionResult<null>> {
  return runMutation(StockTransferReceive, { input: { id } }, (d) => d.stockTransferReceive, () => null);
}
