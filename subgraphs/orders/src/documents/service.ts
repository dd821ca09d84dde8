// Printing documents: checking a selection, recording a print, and rendering its PDF.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { anyId, failWith, isId, ok, scopesOf, userError, type Db, type Principal, type Result, type UserError } from '@shop/kit';
import { carrier } from '../carriers/index.js';
import { shipment } from '../shipments/index.js';
import { order, orderLine, type OrderLineRow } from '../tables.js';
import { DocumentsUnavailableError, printerAvailable, printPdf } from './browser.js';
import { documentDownloadPath } from './link.js';
import { documentPrint, type DocumentPrintRow } from './tables.js';
import { documentHtml } from './templates.js';
import { DOCUMENT_KINDS, sellerFromEnv, type DocumentKind, type DocumentOrder, type Waybill } from './types.js';
import { DOCUMENT_LOCALES, type DocumentLocale } from './words.js';
import { documentError, documentFail } from '../errors/index.js';

export type DocumentErrorCode = 'NOT_FOUND' | 'EMPTY' | 'TOO_MANY' | 'INVALID' | 'PII_REQUIRED' | 'DOCUMENTS_UNAVAILABLE';

/** Orders one print may hold: one PDF of this many labels still prints in well under a minute. */
export const MAX_DOCUMENT_ORDERS = 500;

/**
 * Labels, slips and invoices carry names, phones and addresses: printing needs the scopes that reading
 * them does (members:read_pii) besides handling orders (orders:write). Customers never print.
 */
export const DOCUMENT_SCOPES = ['orders:write', 'members:read_pii'] as const;

export interface DocumentsInput {
  kind: DocumentKind;
  orderIds: readonly string[];
  locale?: string | null;
}

const UNAVAILABLE = () =>
  documentFail('DOCUMENTS_UNAVAILABLE', null);

export function mayPrint(principal: Principal): boolean {
  const scopes = scopesOf(principal);
  return (principal.kind === 'staff' || principal.kind === 'partner') && DOCUMENT_SCOPES.every((s) => scopes.includes(s));
}

/** The orders of a selection in the order asked for, or a userError for each id that names none. */
async function loadSelection(db: Db, input: DocumentsInput): Promise<Result<DocumentOrder[], DocumentErrorCode>> {
  const errors: UserError<DocumentErrorCode>[] = [];
  if (!(DOCUMENT_KINDS as readonly string[]).includes(input.kind)) errors.push(documentError('INVALID:kind', ['input', 'kind']));
  if (input.locale != null && !(DOCUMENT_LOCALES as readonly string[]).includes(input.locale)) {
    errors.push(documentError('INVALID:locale', ['input', 'locale']));
  }
  if (input.orderIds.length === 0) errors.push(documentError('EMPTY', ['input', 'orderIds']));
  if (input.orderIds.length > MAX_DOCUMENT_ORDERS) {
    errors.push(documentError('TOO_MANY', ['input', 'orderIds'], { max: MAX_DOCUMENT_ORDERS }));
  }
  if (errors.length) return failWith(errors);

  const ids = [...new Set(input.orderIds)];
  const rows = await db.select().from(order).where(anyId(order.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  input.orderIds.forEach((id, i) => {
    if (!isId(id) || !byId.has(id)) errors.push(documentError('NOT_FOUND', ['input', 'orderIds', String(i)]));
  });
  if (errors.length) return failWith(errors);

  const lines = await db.select().from(orderLine).where(anyId(orderLine.orderId, ids)).orderBy(asc(orderLine.position), asc(orderLine.id));
  const linesOf = new Map<string, OrderLineRow[]>();
  for (const line of lines) linesOf.set(line.orderId, [...(linesOf.get(line.orderId) ?? []), line]);
  // Shipments with a waybill, oldest first: a label for each (the order's own carrier and number before shipments).
  const booked = await db
    .select({ orderId: shipment.orderId, carrier: carrier.name, trackingNumber: shipment.trackingNumber })
    .from(shipment)
    .innerJoin(carrier, eq(carrier.code, shipment.carrierCode))
    .where(and(anyId(shipment.orderId, ids), isNotNull(shipment.trackingNumber)))
    .orderBy(asc(shipment.createdAt), asc(shipment.id));
  const waybillsOf = new Map<string, Waybill[]>();
  for (const { orderId, ...waybill } of booked) waybillsOf.set(orderId, [...(waybillsOf.get(orderId) ?? []), waybill]);
  return ok(ids.map((id) => ({ ...byId.get(id)!, lines: linesOf.get(id) ?? [], waybills: waybillsOf.get(id) ?? [] })));
}

/**
 * One PDF of the chosen document for every order of the selection, in the order given (the batch bar's
 * print action calls this too). Refuses a principal without the print scopes, and answers
 * DOCUMENTS_UNAVAILABLE when Chromium is missing.
 */
export async function renderDocuments(db: Db, principal: Principal, input: DocumentsInput): Promise<Result<Buffer, DocumentErrorCode>> {
  if (!mayPrint(principal)) {
    return documentFail('PII_REQUIRED', null);
  }
  const selection = await loadSelection(db, input);
  if (!selection.ok) return selection;
  const { html, paper } = documentHtml(input.kind, selection.value, (input.locale ?? 'en') as DocumentLocale, sellerFromEnv());
  try {
    return ok(await printPdf(html, paper));
  } catch (error) {
    if (error instanceof DocumentsUnavailableError) return UNAVAILABLE();
    throw error;
  }
}

/**
 * documentsPrint: checks the selection and the printer, records the print for its requester and answers
 * the signed link its PDF downloads from. The PDF is rendered when the link is followed.
 */
export async function requestPrint(
  tx: Db,
  principal: Principal,
  input: DocumentsInput,
): Promise<Result<{ print: DocumentPrintRow; downloadUrl: string; expiresAt: Date }, DocumentErrorCode>> {
  if (principal.kind !== 'staff' && principal.kind !== 'partner') return documentFail('PII_REQUIRED:principal', null);
  const selection = await loadSelection(tx, input);
  if (!selection.ok) return selection;
  if (!(await printerAvailable())) return UNAVAILABLE();
  const [print] = await tx
    .insert(documentPrint)
    .values({
      kind: input.kind,
      locale: input.locale ?? 'en',
      orderIds: selection.value.map((o) => o.id),
      requestedByKind: principal.kind,
      requestedById: principal.kind === 'staff' ? principal.staffId : principal.apiKeyId,
    })
    .returning();
  const link = documentDownloadPath(print!.id);
  return ok({ print: print!, downloadUrl: link.path, expiresAt: link.expiresAt });
}

/** A recorded print, if it exists and was asked for by this principal (a link never serves someone else). */
export async function printOf(db: Db, principal: Principal, printId: string): Promise<DocumentPrintRow | null> {
  if (!isId(printId)) return null;
  const [row] = await db.select().from(documentPrint).where(anyId(documentPrint.id, [printId]));
  if (!row) return null;
  const requester = principal.kind === 'staff' ? principal.staffId : principal.kind === 'partner' ? principal.apiKeyId : null;
  return row.requestedById === requester && row.requestedByKind === principal.kind ? row : null;
}
