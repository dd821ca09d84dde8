// Printing documents: checking a selection, issuing tax invoice numbers, recording a print and queueing its run.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { anyId, failWith, isId, ok, scopesOf, type Db, type Principal, type Result, type UserError } from '@shop/kit';
import { countSelected, selectedOrders } from '../batch/selection.js';
import { batchPrint } from '../batch/service.js';
import type { BatchRunRow } from '../batch/tables.js';
import { carrier } from '../carriers/index.js';
import { documentError, documentFail } from '../errors/index.js';
import { actorOf } from '../history/index.js';
import type { FilterAccess, OrderFilter } from '../service.js';
import { shipment } from '../shipments/index.js';
import { order, orderLine, type OrderLineRow } from '../tables.js';
import { printerAvailable } from './browser.js';
import { documentDownloadPath } from './link.js';
import { issueTaxInvoices, taxInvoicesByOrderIds } from './invoice-numbers.js';
import { documentPrint, type DocumentPrintRow } from './tables.js';
import { DOCUMENT_KINDS, type DocumentKind, type DocumentOrder, type Waybill } from './types.js';
import { DOCUMENT_LOCALES } from './words.js';

export type DocumentErrorCode = 'NOT_FOUND' | 'EMPTY' | 'TOO_MANY' | 'INVALID' | 'PII_REQUIRED' | 'DOCUMENTS_UNAVAILABLE';

/** Orders one print may hold: its run renders them in chunks, so the bound is how long one run takes, not memory. */
export const MAX_DOCUMENT_ORDERS = 5_000;

/**
 * Labels, slips and invoices carry names, phones and addresses: printing needs the scopes that reading
 * them does (members:read_pii) besides handling orders (orders:write). Customers never print.
 */
export const DOCUMENT_SCOPES = ['orders:write', 'members:read_pii'] as const;

/** Either orderIds or filter (the order list's), not both. */
export interface DocumentsInput {
  kind: DocumentKind;
  orderIds?: readonly string[] | null;
  filter?: OrderFilter | null;
  locale?: string | null;
}

const UNAVAILABLE = () => documentFail('DOCUMENTS_UNAVAILABLE', null);

export function mayPrint(principal: Principal): boolean {
  const scopes = scopesOf(principal);
  return (principal.kind === 'staff' || principal.kind === 'partner') && DOCUMENT_SCOPES.every((s) => scopes.includes(s));
}

/** The checked selection: its distinct order ids in the order asked for (or the list's, for a filter), or userErrors. */
async function checkSelection(db: Db, input: DocumentsInput, access: FilterAccess): Promise<Result<string[], DocumentErrorCode>> {
  const errors: UserError<DocumentErrorCode>[] = [];
  if (!(DOCUMENT_KINDS as readonly string[]).includes(input.kind)) errors.push(documentError('INVALID:kind', ['input', 'kind']));
  if (input.locale != null && !(DOCUMENT_LOCALES as readonly string[]).includes(input.locale)) {
    errors.push(documentError('INVALID:locale', ['input', 'locale']));
  }
  if ((input.orderIds == null) === (input.filter == null)) errors.push(documentError('INVALID:selection', ['input']));
  if (errors.length) return failWith(errors);
  return input.filter ? checkFilter(db, input.filter, access) : checkIds(db, input.orderIds!);
}

/** Picked orders: 1 to MAX_DOCUMENT_ORDERS ids, each naming an order (NOT_FOUND at its index otherwise). */
async function checkIds(db: Db, orderIds: readonly string[]): Promise<Result<string[], DocumentErrorCode>> {
  if (orderIds.length === 0) return documentFail('EMPTY', ['input', 'orderIds']);
  if (orderIds.length > MAX_DOCUMENT_ORDERS) return documentFail('TOO_MANY', ['input', 'orderIds'], { max: MAX_DOCUMENT_ORDERS });
  const ids = [...new Set(orderIds)];
  const found = new Set((await db.select({ id: order.id }).from(order).where(anyId(order.id, ids))).map((r) => r.id));
  const errors: UserError<DocumentErrorCode>[] = [];
  orderIds.forEach((id, i) => {
    if (!isId(id) || !found.has(id)) errors.push(documentError('NOT_FOUND', ['input', 'orderIds', String(i)]));
  });
  return errors.length ? failWith(errors) : ok(ids);
}

/**
 * The orders a filter matches now, newest first like the list. The filter keeps the list's data-class rules
 * (throws FORBIDDEN as the list does); more than one print holds is refused before any is read.
 */
async function checkFilter(db: Db, filter: OrderFilter, access: FilterAccess): Promise<Result<string[], DocumentErrorCode>> {
  const selection = { filter };
  const matching = await countSelected(db, selection, access);
  if (!matching) return documentFail('EMPTY:filter', ['input', 'filter']);
  if (matching > MAX_DOCUMENT_ORDERS) {
    return documentFail('TOO_MANY:filter', ['input', 'filter'], { max: MAX_DOCUMENT_ORDERS, count: matching });
  }
  const ids: string[] = [];
  for await (const page of selectedOrders(db, selection, access, 1_000)) ids.push(...page.map((row) => row.id));
  return ok(ids);
}

/**
 * Shipments with a waybill per order, oldest first (a label for each; the order's own carrier and number
 * before shipments). Light enough to ask for a whole print at once.
 */
export async function waybillsByOrderIds(db: Db, ids: readonly string[]): Promise<Map<string, Waybill[]>> {
  const booked = await db
    .select({ orderId: shipment.orderId, carrier: carrier.name, trackingNumber: shipment.trackingNumber })
    .from(shipment)
    .innerJoin(carrier, eq(carrier.code, shipment.carrierCode))
    .where(and(anyId(shipment.orderId, ids), isNotNull(shipment.trackingNumber)))
    .orderBy(asc(shipment.createdAt), asc(shipment.id));
  const waybillsOf = new Map<string, Waybill[]>();
  for (const { orderId, ...waybill } of booked) waybillsOf.set(orderId, [...(waybillsOf.get(orderId) ?? []), waybill]);
  return waybillsOf;
}

/**
 * The orders as printed, in the order given: rows, lines, waybills and, for a tax invoice, its number, marked
 * as a copy unless this print issued it (`issued`).
 */
export async function documentOrders(db: Db, ids: readonly string[], issued: ReadonlySet<string> = new Set()): Promise<DocumentOrder[]> {
  const rows = await db.select().from(order).where(anyId(order.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lines = await db.select().from(orderLine).where(anyId(orderLine.orderId, ids)).orderBy(asc(orderLine.position), asc(orderLine.id));
  const linesOf = new Map<string, OrderLineRow[]>();
  for (const line of lines) linesOf.set(line.orderId, [...(linesOf.get(line.orderId) ?? []), line]);
  const waybillsOf = await waybillsByOrderIds(db, ids);
  const invoices = new Map((await taxInvoicesByOrderIds(db, ids)).map((row) => [row.orderId, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const invoice = invoices.get(id);
    return [{ ...row, lines: linesOf.get(id) ?? [], waybills: waybillsOf.get(id) ?? [], taxInvoice: invoice ? { ...invoice, copy: !issued.has(id) } : undefined }];
  });
}

/**
 * documentsPrint: checks the selection (ids, or a filter read with the caller's `access`) and the printer, issues
 * tax invoice numbers to orders printed on one for the first time, records the print for its requester and queues
 * the batch run that renders its PDF (expects a transaction: all of it or nothing). The run's downloadUrl serves
 * the PDF once it SUCCEEDED.
 */
export async function requestPrint(
  tx: Db,
  principal: Principal,
  input: DocumentsInput,
  access: FilterAccess,
): Promise<Result<{ print: DocumentPrintRow; run: BatchRunRow }, DocumentErrorCode>> {
  if (!mayPrint(principal)) {
    return documentFail('PII_REQUIRED', null);
  }
  const selection = await checkSelection(tx, input, access);
  if (!selection.ok) return selection;
  if (!(await printerAvailable())) return UNAVAILABLE();
  const issuedOrderIds = input.kind === 'TAX_INVOICE' ? await issueTaxInvoices(tx, selection.value) : [];
  const requestedById = principal.kind === 'staff' ? principal.staffId : principal.kind === 'partner' ? principal.apiKeyId : '';
  const [print] = await tx
    .insert(documentPrint)
    .values({
      kind: input.kind,
      locale: input.locale ?? 'en',
      orderIds: selection.value,
      issuedOrderIds,
      requestedByKind: principal.kind as 'staff' | 'partner',
      requestedById,
    })
    .returning();
  const run = await batchPrint(tx, { actor: actorOf(principal), startedBy: requestedById }, { printId: print!.id, orders: selection.value.length });
  return ok({ print: print!, run });
}

/**
 * The signed link of a print's PDF, for its requester only (anybody else reading the run gets null). The link
 * is fresh at each read: a console that polls a run keeps a working one.
 */
export async function printDownloadUrl(db: Db, principal: Principal, printId: string): Promise<string | null> {
  return (await printOf(db, principal, printId)) ? documentDownloadPath(printId).path : null;
}

/** A recorded print, if it exists and was asked for by this principal (a link never serves someone else). */
export async function printOf(db: Db, principal: Principal, printId: string): Promise<DocumentPrintRow | null> {
  if (!isId(printId)) return null;
  const [row] = await db.select().from(documentPrint).where(anyId(documentPrint.id, [printId]));
  if (!row) return null;
  const requester = principal.kind === 'staff' ? principal.staffId : principal.kind === 'partner' ? principal.apiKeyId : null;
  return row.requestedById === requester && row.requestedByKind === principal.kind ? row : null;
}
