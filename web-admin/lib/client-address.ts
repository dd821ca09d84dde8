import { headers } from 'next/headers';

/**
 * The gateway throttles failed sign-ins per client address. Every request from
 * the console comes from the console's own address, so without this one person
 * typing wrong passwords would lock every colleague out. The console names the
 * person's address in X-Forwarded-For and proves it is the console with the
 * secret the gateway gave it (CONSOLE_FORWARDING_SECRET); the gateway ignores
 * the address without the secret.
 */
const SECRET_HEADER = 'x-shop-console-secret';

/**
 * The address of the person using the console: the last X-Forwarded-For entry,
 * which Next.js sets from the socket when the browser connects directly and a
 * reverse proxy in front of the console appends. Null outside a request.
 */
async function visitorAddress(): Promise<string | null> {
  try {
    const forwarded = (await headers()).get('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    return last || null;
  } catch {
    return null;
  }
}

/** Headers that carry the visitor's address to the gateway; empty without a forwarding secret. */
export async function forwardingHeaders(): Promise<Record<string, string>> {
  const secret = process.env.CONSOLE_FORWARDING_SECRET;
  const address = await visitorAddress();
  if (!secret || !address) return {};
  return { [SECRET_HEADER]: secret, 'x-forwarded-for': address };
}
