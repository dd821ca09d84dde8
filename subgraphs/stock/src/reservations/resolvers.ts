// Reservations: GraphQL resolvers and permissions of manual stock holds.
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actorIdOf } from '../service.js';
import { release, reserve, type ReservedLine } from './service.js';

/** Longest manual hold: a week. */
const MAX_HOLD_MINUTES = 7 * 24 * 60;

const variantRef = (variantId: string): { __typename: 'ProductVariant'; id: string } => ({ __typename: 'ProductVariant', id: variantId });

/** A reservation as the API shows it. */
const reservationOf = (reference: string, expiresAt: Date | null, lines: ReservedLine[]) => ({ reference, expiresAt, lines });

export const reservationResolvers: Resolvers = {
  Mutation: {
    stockReservationCreate: async (_, { input }, ctx) => {
      const minutes = input.expiresInMinutes;
      if (minutes != null && (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_HOLD_MINUTES)) {
        return {
          userErrors: [{ field: ['input', 'expiresInMinutes'], code: 'INVALID', message: `Expiry must be 1 to ${MAX_HOLD_MINUTES} minutes.` }],
        };
      }
      const expiresAt = minutes == null ? null : new Date(Date.now() + minutes * 60_000);
      const result = await mutate(ctx, (tx) =>
        reserve(tx, input.lines, input.reference, { expiresAt, actorId: actorIdOf(ctx.principal) }),
      );
      return payload(result, (value) => ({ reservation: reservationOf(input.reference, expiresAt, value.lines) }));
    },
    stockReservationRelease: async (_, { input }, ctx) => {
      const result = await mutate(ctx, (tx) => release(tx, input.reference, actorIdOf(ctx.principal)));
      return payload(result, (value) => ({
        reservation: reservationOf(input.reference, null, value.lines),
      }));
    },
  },
  StockReservationLine: {
    variant: (line) => variantRef(line.variantId),
    warehouse: (line, _, ctx) => ctx.loaders.warehouseById.load(line.warehouseId),
  },
};

/** Manual holds are back-office work; the gateway checked stock:write. */
export const reservationPermissions: EntryPointRules = {
  Mutation: { stockReservationCreate: rules.operator, stockReservationRelease: rules.operator },
};
