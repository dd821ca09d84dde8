import { readFileSync } from 'node:fs';
import { catalogueGaps, LOCALES, type Areas, type Catalogue } from '@shop/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUPONS_CATALOGUE } from '../../subgraphs/coupons/src/errors/index.js';
import { MEMBERS_CATALOGUE } from '../../subgraphs/members/src/errors/index.js';
import { ORDERS_CATALOGUE } from '../../subgraphs/orders/src/errors/index.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';

// Server-made messages: every userError key a domain's catalogue can make has a sentence in all five locales
// (the Catalogue type checks it when compiling; this checks the sentences render), every code it answers with
// is one of the domain's SDL error codes, and a mutation answers in the language the caller asked for.

const CATALOGUES: [domain: string, catalogue: Catalogue<Areas>][] = [
  ['orders', ORDERS_CATALOGUE as unknown as Catalogue<Areas>],
  ['members', MEMBERS_CATALOGUE as unknown as Catalogue<Areas>],
  ['coupons', COUPONS_CATALOGUE as unknown as Catalogue<Areas>],
];

/** Every value of every `enum …ErrorCode` of a domain's SDL. */
function sdlErrorCodes(domain: string): Set<string> {
  const sdl = readFileSync(new URL(`../../schema/${domain}.graphql`, import.meta.url), 'utf8');
  const codes = new Set<string>();
  for (const [, body] of sdl.matchAll(/enum \w*ErrorCode\s*\{([^}]*)\}/g)) {
    for (const line of body!.split('\n')) {
      const value = /^\s*([A-Z][A-Z0-9_]*)\s*$/.exec(line)?.[1];
      if (value) codes.add(value);
    }
  }
  return codes;
}

describe.each(CATALOGUES)('the %s catalogue', (domain, catalogue) => {
  it('has a non-empty sentence for every key in every locale, and no key English lacks', () => {
    expect(catalogueGaps(catalogue)).toEqual([]);
  });

  // Members' points and coupons' group-buy refusals also answer through orders' checkout, with its codes.
  it('answers only with codes of its own SDL error enums or of orders', () => {
    const known = new Set([...sdlErrorCodes(domain), ...sdlErrorCodes('orders')]);
    const keys = Object.values(catalogue.en).flatMap((area) => Object.keys(area));
    expect(keys.map((key) => key.split(':')[0]!).filter((code) => !known.has(code))).toEqual([]);
  });

  it('says something different from English in every other locale', () => {
    const sample = new Proxy({}, { get: () => '7' });
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const same = Object.entries(catalogue.en).flatMap(([area, messages]) =>
        Object.entries(messages)
          .filter(([key, english]) => catalogue[locale][area]![key]!(sample) === english(sample))
          .map(([key]) => `${locale}.${area}.${key}`),
      );
      expect(same).toEqual([]);
    }
  });
});

const SCRIPTS = { ar: /[\u0600-\u06FF]/, th: /[\u0E00-\u0E7F]/, 'zh-TW': /[請個購車會員數電郵無設標選為]/ } as const;
const CART_CREATE = `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { field code message } } }`;
const SIGN_UP = `mutation ($input: CustomerSignUpInput!) { customerSignUp(input: $input) { token userErrors { field code message } } }`;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);
afterAll(() => database?.close());

describe.each(['in-process', 'distributed'] as const)('userErrors in the caller’s language (%s)', (mode) => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(mode, database.db);
  }, 120_000);
  afterAll(() => gateway?.stop());

  const cartCreate = async (language?: string) => {
    const { body } = await gateway.query(CART_CREATE, { input: { channel: 'POINT_OF_SALE' } }, language ? { 'accept-language': language } : {});
    expect(body.errors).toBeUndefined();
    return body.data.cartCreate.userErrors as { field: string[]; code: string; message: string }[];
  };
  const signUp = async (language?: string) => {
    const input = { email: 'not-an-email', password: 'short', displayName: 'Somchai' };
    const { body } = await gateway.query(SIGN_UP, { input }, language ? { 'accept-language': language } : {});
    expect(body.errors).toBeUndefined();
    expect(body.data.customerSignUp.token).toBeNull();
    return body.data.customerSignUp.userErrors as { field: string[]; code: string; message: string }[];
  };

  it.each(['ar', 'th', 'zh-TW'] as const)('orders (cartCreate) answers in %s: same code and field, the message from the catalogue', async (locale) => {
    const english = await cartCreate();
    expect(english).toEqual([{ field: ['input', 'channel'], code: 'INVALID_CHANNEL', message: expect.stringMatching(/^A cart is for a storefront: /) }]);
    const channels = english[0]!.message.replace(/^A cart is for a storefront: (.*)\.$/, '$1');
    const localized = await cartCreate(locale === 'th' ? 'th-TH,th;q=0.9,en;q=0.5' : locale === 'zh-TW' ? 'zh-Hant-TW' : 'ar-SA');
    expect(localized).toEqual([{ ...english[0], message: ORDERS_CATALOGUE[locale].cart.INVALID_CHANNEL({ channels }) }]);
    expect(localized[0]!.message).toMatch(SCRIPTS[locale]);
  });

  it.each(['ar', 'th', 'zh-TW'] as const)('members (customerSignUp) answers in %s, its parameters included', async (locale) => {
    const english = await signUp('en-US');
    expect(english.map((e) => e.code)).toEqual(['INVALID', 'WEAK_PASSWORD']);
    const localized = await signUp(locale);
    expect(localized.map(({ field, code }) => ({ field, code }))).toEqual(english.map(({ field, code }) => ({ field, code })));
    expect(localized[0]!.message).toBe(MEMBERS_CATALOGUE[locale].member['INVALID:email']!({}));
    expect(localized[1]!.message).toBe(MEMBERS_CATALOGUE[locale].member.WEAK_PASSWORD!({ min: english[1]!.message.match(/\d+/)![0] }));
    for (const error of localized) expect(error.message).toMatch(SCRIPTS[locale]);
  });

  it('a language the shop does not speak gets English', async () => {
    expect(await cartCreate('fr-FR, de;q=0.5')).toEqual(await cartCreate());
  });
});
