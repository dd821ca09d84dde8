// GraphQL resolvers of the address book: the customer's own and the staff's edits of a member's.
import type { SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { customerOf } from '../accounts/resolvers.js';
import type { Loaders } from '../loaders.js';
import { addAddress, deleteAddress, setDefaultAddress, updateAddress, type AddressFields } from './service.js';
import type { CustomerAddressRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

const addressPayload = (address: CustomerAddressRow) => ({ address });
const deletedPayload = (deletedId: string) => ({ deletedId });

export const addressResolvers = {
  Query: {
    myAddresses: (_: unknown, __: unknown, ctx: Ctx) => ctx.loaders.addressesByMember.load(customerOf(ctx).memberId),
  },
  Mutation: {
    myAddressAdd: async (_: unknown, { input }: { input: { address: AddressFields } }, ctx: Ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => addAddress(tx, memberId, input.address, changes)), addressPayload);
    },
    myAddressUpdate: async (_: unknown, { input }: { input: { id: string; address: AddressFields } }, ctx: Ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => updateAddress(tx, memberId, input.id, input.address, changes)), addressPayload);
    },
    myAddressDelete: async (_: unknown, { input }: { input: { id: string } }, ctx: Ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => deleteAddress(tx, memberId, input.id, changes)), deletedPayload);
    },
    myAddressSetDefault: async (_: unknown, { input }: { input: { id: string } }, ctx: Ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => setDefaultAddress(tx, memberId, input.id, changes)), addressPayload);
    },
    memberAddressAdd: async (_: unknown, { input }: { input: { memberId: string; address: AddressFields } }, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => addAddress(tx, input.memberId, input.address, changes)), addressPayload),
    memberAddressUpdate: async (_: unknown, { input }: { input: { memberId: string; id: string; address: AddressFields } }, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateAddress(tx, input.memberId, input.id, input.address, changes)), addressPayload),
    memberAddressDelete: async (_: unknown, { input }: { input: { memberId: string; id: string } }, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => deleteAddress(tx, input.memberId, input.id, changes)), deletedPayload),
  },
};
