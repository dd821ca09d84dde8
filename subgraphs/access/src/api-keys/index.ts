// API keys: what the rest of access uses (minting, revoking and listing keys, the shown prefix).
export * from './service.js';
