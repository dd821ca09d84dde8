/** Carriers as data and their adapters. */
export { carrier, carrierAdapter, type CarrierAdapter, type CarrierRow } from './tables.js';
