// Shipping addresses: parsing input and mapping to and from the address columns.
import { z } from 'zod';
import type { UserError } from '@shop/kit';
import { addressError } from '../errors/index.js';

/** An address as the API sends it; every field optional (carts may hold a partial one). */
export interface AddressInput {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

/** The shipping-contact columns shared by orders and carts. */
export interface AddressColumns {
  shipName: string | null;
  shipPhone: string | null;
  shipPhoneDigits: string | null;
  shipLine1: string | null;
  shipLine2: string | null;
  shipCity: string | null;
  shipRegion: string | null;
  shipPostalCode: string | null;
  shipCountry: string | null;
  email: string | null;
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'INVALID:tooLong')
    .nullish()
    .transform((v) => (v ? v : null));

const schema = z.object({
  name: text(200),
  phone: text(40).refine(
    (v) => v === null || (/^\+?[\d\s\-().]+$/.test(v) && digitsOf(v).length >= 6 && digitsOf(v).length <= 15),
    'INVALID:phone',
  ),
  email: text(254).refine((v) => v === null || z.email().safeParse(v).success, 'INVALID:email'),
  line1: text(200),
  line2: text(200),
  city: text(100),
  region: text(100),
  postalCode: text(20),
  country: text(2)
    .transform((v) => v?.toUpperCase() ?? null)
    .refine((v) => v === null || /^[A-Z]{2}$/.test(v), 'INVALID:country'),
});

/** The catalogue keys the schema's own checks name (its messages are keys, rendered by the orders catalogue). */
const ADDRESS_KEYS = ['INVALID:phone', 'INVALID:email', 'INVALID:country'] as const;

/** Digits of a phone number: what the order search matches on. */
export const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** Validates and normalises an address into columns, or says which fields are wrong. */
export function parseAddress(
  input: AddressInput,
  path: string[],
): { ok: true; value: AddressColumns } | { ok: false; errors: UserError<'INVALID'>[] } {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const field = [...path, ...issue.path.map(String)];
        if (issue.code === 'too_big') return addressError('INVALID:tooLong', field, { max: Number(issue.maximum) });
        return addressError(ADDRESS_KEYS.find((k) => k === issue.message) ?? 'INVALID', field);
      }),
    };
  }
  const a = parsed.data;
  return {
    ok: true,
    value: {
      shipName: a.name,
      shipPhone: a.phone,
      shipPhoneDigits: a.phone ? digitsOf(a.phone) : null,
      shipLine1: a.line1,
      shipLine2: a.line2,
      shipCity: a.city,
      shipRegion: a.region,
      shipPostalCode: a.postalCode,
      shipCountry: a.country,
      email: a.email,
    },
  };
}

export const EMPTY_ADDRESS: AddressColumns = {
  shipName: null, shipPhone: null, shipPhoneDigits: null, shipLine1: null, shipLine2: null,
  shipCity: null, shipRegion: null, shipPostalCode: null, shipCountry: null, email: null,
};

/** Whether a courier could deliver to it: name, phone, street, city, postal code and country. */
export function isAddressComplete(a: AddressColumns): boolean {
  return Boolean(a.shipName && a.shipPhone && a.shipLine1 && a.shipCity && a.shipPostalCode && a.shipCountry);
}

/**
 * The address columns of a row (order or cart) as the API's address type.
 * `withContact: false` leaves out the contact data (name, phone, email,
 * street lines): the row rule for callers who may not read it here.
 */
export function addressOf(row: AddressColumns, { withContact = true } = {}) {
  const contact = (value: string | null) => (withContact ? value : null);
  const address = {
    name: contact(row.shipName),
    phone: contact(row.shipPhone),
    email: contact(row.email),
    line1: contact(row.shipLine1),
    line2: contact(row.shipLine2),
    city: row.shipCity,
    region: row.shipRegion,
    postalCode: row.shipPostalCode,
    country: row.shipCountry,
  };
  return Object.values(address).some((v) => v !== null) ? address : null;
}

/** Picks the address columns from a row. */
export function addressColumnsOf(row: AddressColumns): AddressColumns {
  return {
    shipName: row.shipName, shipPhone: row.shipPhone, shipPhoneDigits: row.shipPhoneDigits,
    shipLine1: row.shipLine1, shipLine2: row.shipLine2, shipCity: row.shipCity, shipRegion: row.shipRegion,
    shipPostalCode: row.shipPostalCode, shipCountry: row.shipCountry, email: row.email,
  };
}
