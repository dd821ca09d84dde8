'use server';

import { getLocale } from 'next-intl/server';

import { DOCUMENT_LOCALE } from '@/components/documents/document-kinds';
import type { DocumentKind } from '@/gql/graphql';
import { request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  OrderBatchBook,
  OrderBatchCarriers,
  OrderBatchExport,
  OrderBatchRunQuery,
  OrderBatchShipFromCsv,
  OrderBatchTag,
  type BatchRun,
  type OrderBatchSelection,
  type OrderExportFormat,
} from './batch.graphql';
import { DocumentsPrint } from './documents.graphql';

type Started = Promise<ActionResult<BatchRun>>;

/** orderBatchShipFromCsv: a dry run checks every row; a run ships the good ones. */
export async function shipFromCsv(csv: string, dryRun: boolean): Started {
  return runMutation(OrderBatchShipFromCsv, { input: { csv, dryRun } }, (d) => d.orderBatchShipFromCsv, (p) => p.run!);
}

/** orderBatchTag on picked orders or on every order the list's filter matches. */
export async function tagOrders(selection: OrderBatchSelection, add: string[], remove: string[]): Started {
  return runMutation(OrderBatchTag, { input: { selection, add, remove } }, (d) => d.orderBatchTag, (p) => p.run!);
}

/** orderBatchBook: a waybill per order from a carrier that books them, each order then shipped. */
export async function bookOrders(selection: OrderBatchSelection, carrierCode: string): Started {
  return runMutation(OrderBatchBook, { input: { selection, carrierCode } }, (d) => d.orderBatchBook, (p) => p.run!);
}

/** Active carriers that book waybills themselves. */
export async function bookingCarriers(): Promise<{ code: string; name: string }[]> {
  const { data } = await request(OrderBatchCarriers, {});
  return (data?.carriers ?? []).filter((c) => c.books && c.active).map(({ code, name }) => ({ code, name }));
}

/** orderBatchExport: the file is made in the background; its download appears on the run. */
export async function exportOrders(selection: OrderBatchSelection, format: OrderExportFormat): Started {
  return runMutation(OrderBatchExport, { input: { selection, format } }, (d) => d.orderBatchExport, (p) => p.run!);
}

/** orderBatchRun(id): where a run is (polled by the batch bar). */
export async function batchRun(id: string): Promise<BatchRun | null> {
  const { data } = await request(OrderBatchRunQuery, { id });
  return data?.orderBatchRun ?? null;
}

/** documentsPrint for picked orders or every order the list's filter matches, headed in the console's language: the run that renders the one PDF. */
export async function printOrders(selection: OrderBatchSelection, kind: DocumentKind): Started {
  const locale = DOCUMENT_LOCALE[await getLocale()] ?? 'EN';
  return runMutation(DocumentsPrint, { input: { kind, ...selection, locale } }, (d) => d.documentsPrint, (p) => p.run!);
}
