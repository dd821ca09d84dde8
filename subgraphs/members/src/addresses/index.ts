// What the rest of members imports about the address book.
export { addAddress, addressesOf, deleteAddress, setDefaultAddress, updateAddress, type AddressFields } from './service.js';
export type { CustomerAddressRow } from './tables.js';
