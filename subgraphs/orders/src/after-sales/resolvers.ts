// GraphQL resolvers of after-sales: requests, their lines, and the steps from opening to refund.
import { money, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actorOf } from '../history/index.js';
import type { Loaders } from '../loaders.js';
import type { ReturnRequestResult } from './errors.js';
import { photoView, uploaderOf } from './photos.js';
import {
  cancelMyReturnRequest,
  closeReturnRequest,
  createReturnRequest,
  decideReturnRequest,
  exchangeReturnRequest,
  listReturnRequests,
  receiveReturnRequest,
  refundReturnRequest,
} from './service.js';
import type { ReturnRequestRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

const requestPayload = (result: ReturnRequestResult<ReturnRequestRow>) => payload(result, (row) => ({ returnRequest: row }));

export const afterSalesResolvers: Resolvers = {
  Query: {
    returnRequests: (_, args, ctx) => listReturnRequests(ctx.db, args),
    /** Any request for operators; a customer's own only (the loader's row rule), null otherwise. */
    returnRequest: (_, args, ctx) => ctx.loaders.returnRequestById.load(args.id),
    /** The member comes from the session, never from arguments. */
    myReturnRequests: (_, args, ctx) => (ctx.principal.kind === 'customer' ? listReturnRequests(ctx.db, args, ctx.principal.memberId) : null),
  },
  Mutation: {
    myReturnRequestCreate: async (_, { input }, ctx) => {
      if (ctx.principal.kind !== 'customer') return { userErrors: [] };
      const memberId = ctx.principal.memberId;
      return requestPayload(
        await mutate(ctx, (tx) => createReturnRequest(tx, actorOf(ctx.principal), input, { openedBy: 'CUSTOMER', memberId, uploader: { memberId } })),
      );
    },
    returnRequestCreate: async (_, { input }, ctx) =>
      requestPayload(
        await mutate(ctx, (tx) =>
          createReturnRequest(tx, actorOf(ctx.principal), input, { openedBy: 'STAFF', memberId: null, uploader: uploaderOf(ctx.principal) }),
        ),
      ),
    returnRequestClose: async (_, { input }, ctx) =>
      requestPayload(await mutate(ctx, (tx) => closeReturnRequest(tx, actorOf(ctx.principal), input))),
    myReturnRequestCancel: async (_, { input }, ctx) => {
      if (ctx.principal.kind !== 'customer') return { userErrors: [] };
      const memberId = ctx.principal.memberId;
      return requestPayload(await mutate(ctx, (tx) => cancelMyReturnRequest(tx, actorOf(ctx.principal), memberId, input.id)));
    },
    returnRequestApprove: async (_, { input }, ctx) =>
      requestPayload(await mutate(ctx, (tx) => decideReturnRequest(tx, actorOf(ctx.principal), input, 'APPROVED'))),
    returnRequestReject: async (_, { input }, ctx) =>
      requestPayload(await mutate(ctx, (tx) => decideReturnRequest(tx, actorOf(ctx.principal), input, 'REJECTED'))),
    returnRequestReceive: async (_, { input }, ctx) =>
      requestPayload(await mutate(ctx, (tx) => receiveReturnRequest(tx, actorOf(ctx.principal), input))),
    returnRequestExchange: async (_, { input }, ctx) =>
      requestPayload(await mutate(ctx, (tx) => exchangeReturnRequest(tx, actorOf(ctx.principal), input))),
    returnRequestRefund: async (_, { input }, ctx) =>
      requestPayload(await mutate(ctx, (tx) => refundReturnRequest(tx, ctx.principal, actorOf(ctx.principal), input))),
  },
  Order: {
    // Order itself is row-ruled (a customer reaches only their own), so its requests follow it.
    returnRequests: (row, _, ctx) => ctx.loaders.returnRequestsByOrderId.load(row.id),
  },
  ReturnRequest: {
    __resolveReference: (ref, ctx: Ctx) => ctx.loaders.returnRequestById.load(ref.id),
    order: (row, _, ctx) => ctx.loaders.orderById.load(row.orderId),
    refunded: (row) => money(row.refundedMinor, row.currencyCode),
    lines: (row, _, ctx) => ctx.loaders.returnLinesByRequestId.load(row.id),
    // The request itself is row-ruled (a customer reaches only their own); every read signs fresh links.
    photos: async (row, _, ctx) => (await ctx.loaders.returnPhotosByRequestId.load(row.id)).map((photo) => photoView(photo)),
  },
  ReturnRequestLine: {
    orderLine: (row, _, ctx) => ctx.loaders.orderLineById.load(row.orderLineId),
  },
};
