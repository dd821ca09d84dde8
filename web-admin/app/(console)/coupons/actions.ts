'use server';

import { request } from '@/lib/graphql';
import { getShopSettings } from '@/lib/shop-settings';
import { nextDay, shopDayStart } from '@/lib/shop-time';
import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  CouponArchive,
  CouponBatchProgress,
  CouponCodesGenerate,
  CouponCreate,
  CouponIssueToSegment,
  CouponUpdate,
  type CouponCreateInput,
} from './coupons.graphql';

/** A coupon as the form holds it: the window as whole days of the shop's calendar, the last one included. */
export type CouponFields = Omit<CouponCreateInput, 'startsAt' | 'endsAt'> & { firstDay: string; lastDay: string };

/** couponCreate, or couponUpdate when `id` is given; answers the coupon's id. */
export async function saveCoupon(id: string | null, form: CouponFields): Promise<ActionResult<string>> {
  const { firstDay, lastDay, ...rest } = form;
  const { timeZone } = await getShopSettings();
  const fields: CouponCreateInput = { ...rest, startsAt: shopDayStart(firstDay, timeZone), endsAt: shopDayStart(nextDay(lastDay), timeZone) };
  return id
    ? runMutation(CouponUpdate, { input: { id, ...fields } }, (d) => d.couponUpdate, () => id)
    : runMutation(CouponCreate, { input: fields }, (d) => d.couponCreate, (p) => p.coupon!.id);
}

/** couponArchive. */
export async function archiveCoupon(id: string): Promise<ActionResult<null>> {
  return runMutation(CouponArchive, { input: { id } }, (d) => d.couponArchive, () => null);
}

/** couponCodesGenerate: answers the batch's id. */
export async function generateCodes(couponId: string, count: number, prefix: string): Promise<ActionResult<string>> {
  return runMutation(CouponCodesGenerate, { input: { couponId, count, prefix: prefix || null } }, (d) => d.couponCodesGenerate, (p) => p.batch!.id);
}

/** couponIssueToSegment: answers the batch's id. */
export async function issueToSegment(couponId: string, segmentId: string): Promise<ActionResult<string>> {
  return runMutation(CouponIssueToSegment, { input: { couponId, segmentId } }, (d) => d.couponIssueToSegment, (p) => p.batch!.id);
}

/** One batch's progress, for the issuance panel's polling. */
export async function batchProgress(id: string) {
  const { data } = await request(CouponBatchProgress, { id });
  return data?.couponBatch ?? null;
}
