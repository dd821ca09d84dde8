// Where a webhook may point. A subscription makes the shop send requests on a partner's behalf, so the rule keeps
// them off the shop's own network: https to a public host; plain http only to this machine outside production
// (tests and development); never credentials in the URL, never an IP literal of a private, loopback or link-local range.
import { isIP } from 'node:net';

export const MAX_URL_LENGTH = 2000;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Null when the URL may be subscribed, else why not (for the userError message). */
export function webhookUrlProblem(text: string, production = process.env.NODE_ENV === 'production'): string | null {
  if (text.length > MAX_URL_LENGTH) return `The URL must be at most ${MAX_URL_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'The URL is not a valid absolute URL.';
  }
  if (url.username || url.password) return 'The URL must not contain a user name or password.';
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'http:') {
    return !production && LOOPBACK_HOSTS.has(host) ? null : 'The URL must use https (http only to localhost outside production).';
  }
  if (url.protocol !== 'https:') return 'The URL must use https.';
  if (LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost')) {
    return production ? 'The URL must not point at this machine.' : null;
  }
  if (isPrivateAddress(host.replace(/^\[|\]$/g, ''))) return 'The URL must not point at a private, loopback or link-local address.';
  return null;
}

/** Whether an IP literal lies in a range that is not the public internet. Host names are not resolved here. */
function isPrivateAddress(host: string): boolean {
  const version = isIP(host);
  if (version === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b < 128) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168);
  }
  if (version === 6) {
    const lower = host.toLowerCase();
    // An IPv4-mapped address (URL writes ::ffff:10.0.0.1 as ::ffff:a00:1) is judged as the IPv4 address.
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
    if (mapped) {
      const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
      return isPrivateAddress([high >> 8, high & 255, low >> 8, low & 255].join('.'));
    }
    return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
  }
  return false;
}
