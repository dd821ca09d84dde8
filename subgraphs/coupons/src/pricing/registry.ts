// The registry of pricing rule sources: one line per source, each in its own folder.
import { couponCodesSource } from '../coupon-codes/source.js';
import { flashSaleSource } from '../flash-sales/index.js';
import { groupBuySource } from '../group-buys/source.js';
import { promotionsSource } from '../promotions/source.js';
import type { RuleSource } from './sources.js';

/** Every source, in no particular order: the engine orders rules by stage and priority. */
export const RULE_SOURCES: RuleSource[] = [
  promotionsSource,
  couponCodesSource,
  groupBuySource,
  flashSaleSource,
];
