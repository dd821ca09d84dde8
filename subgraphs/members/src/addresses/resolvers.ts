// GraphQL resolvers of the address book: the customer's own and the staff's edits of a member's.
import { mutate, payload } from '@shop/kit/mutation';
import { customerOf } from '../accounts/resolvers.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { addAddress, deleteAddress, setDefaultAddress, updateAddress } from './service.js';
import type { CustomerAddressRow } from './tables.js';

const addressPayload = (address: CustomerAddressRow) => ({ address });
const deletedPayload = (deletedId: string) => ({ deletedId });

export const addressResolvers: Resolvers = {
  Query: {
    myAddresses: (_, __, ctx) => ctx.loaders.addressesByMember.load(customerOf(ctx).memberId),
  },
  Mutation: {
    myAddressAdd: async (_, { input }, ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => addAddress(tx, memberId, input.address, changes)), addressPayload);
    },
    myAddressUpdate: async (_, { input }, ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => updateAddress(tx, memberId, input.id, input.address, changes)), addressPayload);
    },
    myAddressDelete: async (_, { input }, ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => deleteAddress(tx, memberId, input.id, changes)), deletedPayload);
    },
    myAddressSetDefault: async (_, { input }, ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => setDefaultAddress(tx, memberId, input.id, changes)), addressPayload);
    },
    memberAddressAdd: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => addAddress(tx, input.memberId, input.address, changes)), addressPayload),
    memberAddressUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateAddress(tx, input.memberId, input.id, input.address, changes)), addressPayload),
    memberAddressDelete: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => deleteAddress(tx, input.memberId, input.id, changes)), deletedPayload),
  },
};
