// What the rest of members imports about the address book.
export {
  addAddress,
  addressesOf,
  deleteAddress,
  savedAddressForCart,
  setDefaultAddress,
  updateAddress,
  type AddressFields,
  type SavedAddress,
} from './service.js';
export type { CustomerAddressRow } from './tables.js';
