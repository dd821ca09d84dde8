import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { MAX_WHOLE_DIGITS } from './money.js';

/** DateTime: ISO 8601 out; in, only strings that carry a time zone. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`Not a DateTime: ${String(value)}`);
    return date.toISOString();
  },
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Years PostgreSQL's timestamptz and every client can hold; JavaScript parses far wider (year 0, ±270,000). */
const YEARS = { min: 1, max: 9999 };

function parseDateTime(value: unknown): Date {
  const year = typeof value === 'string' ? new Date(value).getUTCFullYear() : Number.NaN;
  if (typeof value !== 'string' || !/(Z|[+-]\d{2}:?\d{2})$/.test(value) || !(year >= YEARS.min && year <= YEARS.max)) {
    throw new GraphQLError('DateTime must be an ISO 8601 string with a time zone, e.g. 2026-11-25T08:30:00Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Date(value);
}

/** Decimal: money amounts travel as strings; the kit's money module does the arithmetic. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  serialize: (value) => String(value),
  parseValue: (value) => parseDecimalText(value),
  parseLiteral: (ast) => parseDecimalText(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Within what money.ts can store as bigint minor units (fraction digits are checked per currency there). */
const DECIMAL = new RegExp(`^-?\\d{1,${MAX_WHOLE_DIGITS}}(\\.\\d{1,20})?$`);

function parseDecimalText(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value.replace(/^(-?)0+(?=\d)/, '$1'))) {
    throw new GraphQLError(
      `Decimal must be a string such as "1234.50", with at most ${MAX_WHOLE_DIGITS} digits before the point`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return value;
}
