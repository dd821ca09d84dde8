// Rendering a recorded print into its PDF file, a chunk of orders at a time, for the print's batch run.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { anyId, type Db } from '@shop/kit';
import { exportDir } from '../batch/storage.js';
import { order } from '../tables.js';
import { printPdf, type PaperSize } from './browser.js';
import { documentOrders, waybillsByOrderIds } from './service.js';
import { documentPrint } from './tables.js';
import { documentHtml } from './templates.js';
import { sellerFromEnv, type DocumentKind } from './types.js';
import type { DocumentLocale } from './words.js';

/**
 * Orders Chromium renders at once: the HTML, the browser's layout and one chunk's PDF are what the run holds.
 * Building a chunk's HTML (barcodes, QR codes) is synchronous, about 1 s for 50 labels on a loaded machine: the
 * size keeps the process that runs the worker answering between chunks.
 */
export const PRINT_CHUNK_ORDERS = 50;

/** Where a finished print's PDF is kept (EXPORT_DIR, which gateway and worker share). */
export const printFilePath = (printId: string) => join(exportDir(), `print-${printId}.pdf`);

/** The finished PDF of a print, to stream, or null while it is not written. */
export async function printFile(printId: string) {
  const path = printFilePath(printId);
  const size = await stat(path).then((s) => s.size, () => null);
  return size === null ? null : { size, open: () => createReadStream(path) };
}

/**
 * The print's ids in chunks of about `size`, in the order given. Labels of orders merged into one parcel share
 * a waybill and print as one label naming every order: such orders are kept in one chunk.
 */
export async function printChunks(db: Db, kind: DocumentKind, ids: readonly string[], size = PRINT_CHUNK_ORDERS): Promise<string[][]> {
  const groupOf = new Map<string, string[]>(ids.map((id) => [id, [id]]));
  if (kind === 'LABEL') {
    const own = await db.select({ id: order.id, carrier: order.carrier, trackingNumber: order.trackingNumber }).from(order).where(anyId(order.id, ids));
    const booked = await waybillsByOrderIds(db, ids);
    const firstWithKey = new Map<string, string>();
    for (const row of own) {
      const waybills = booked.get(row.id) ?? [{ carrier: row.carrier, trackingNumber: row.trackingNumber }];
      for (const w of waybills.filter((w) => w.trackingNumber)) {
        const key = `${w.carrier}\n${w.trackingNumber}`;
        const other = firstWithKey.get(key);
        if (!other) firstWithKey.set(key, row.id);
        else if (groupOf.get(other) !== groupOf.get(row.id)) {
          // Merges two groups: every member now points at the one list.
          const merged = [...groupOf.get(other)!, ...groupOf.get(row.id)!];
          for (const id of merged) groupOf.set(id, merged);
        }
      }
    }
  }
  const position = new Map(ids.map((id, i) => [id, i]));
  const chunks: string[][] = [];
  const placed = new Set<string>();
  let chunk: string[] = [];
  for (const id of ids) {
    if (placed.has(id)) continue;
    const group = [...groupOf.get(id)!].sort((a, b) => position.get(a)! - position.get(b)!);
    for (const member of group) placed.add(member);
    chunk.push(...group);
    if (chunk.length >= size) {
      chunks.push(chunk);
      chunk = [];
    }
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/**
 * Prints each part (an HTML document) with Chromium as it comes and copies its pages into one PDF: only the
 * part being printed and the merged document are held, whatever the number of parts. `printed` is told the
 * index of each part once its pages are in. Saved without object streams: every reader (and the tests' text
 * extraction) finds each object where it is.
 */
export async function printMerged(
  parts: AsyncIterable<{ html: string; paper: PaperSize }>,
  printed: (index: number) => Promise<void> = async () => {},
): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  let index = 0;
  for await (const { html, paper } of parts) {
    const part = await PDFDocument.load(await printPdf(html, paper));
    for (const page of await merged.copyPages(part, part.getPageIndices())) merged.addPage(page);
    await printed(index++);
  }
  return merged.save({ useObjectStreams: false });
}

/**
 * Renders the print's documents chunk by chunk into one PDF, written under a temporary name and renamed once
 * whole: a run stopped part-way leaves no file, and a retried one writes it afresh (tax invoice numbers were
 * issued with the print, so a retry prints the same ones). `progress` gets the orders rendered so far.
 */
export async function renderPrintFile(db: Db, printId: string, progress: (orders: number) => Promise<void>): Promise<void> {
  const [print] = await db.select().from(documentPrint).where(eq(documentPrint.id, printId));
  if (!print) throw new Error(`print ${printId} not found`);
  const issued = new Set(print.issuedOrderIds);
  const seller = sellerFromEnv();
  const chunks = await printChunks(db, print.kind, print.orderIds);
  async function* parts() {
    for (const ids of chunks) yield documentHtml(print!.kind, await documentOrders(db, ids, issued), print!.locale as DocumentLocale, seller);
  }
  let done = 0;
  const pdf = await printMerged(parts(), async (index) => {
    done += chunks[index]!.length;
    await progress(done);
  });
  await mkdir(exportDir(), { recursive: true });
  const final = printFilePath(printId);
  const partial = `${final}.part`;
  try {
    await writeFile(partial, pdf);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, final);
}
