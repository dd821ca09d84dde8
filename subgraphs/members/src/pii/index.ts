// Contact data helpers of members: masking for callers without members:read_pii, phone normal forms.
export { maskEmail, maskPhone } from './mask.js';
export { DEFAULT_PHONE_REGION, normalisePhone, phoneSearchDigits } from './phone.js';
