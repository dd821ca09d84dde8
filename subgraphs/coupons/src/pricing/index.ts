// Pricing: the engine, its contract, the rule sources and the reasons in the caller's language.
export { priceCart, percentOf } from './engine.js';
export { renderReason, titleIn } from './reasons.js';
export { RULE_SOURCES } from './registry.js';
export { type CommitOutcome, type PlacedPricing, type PricingRequest, type RuleSource } from './sources.js';
export type * from './types.js';
