// The product editor: what the rest of the domain uses to write products.
export { saveProduct, type ProductInput } from './service.js';
export { productForUpdate } from './rows.js';
export { archiveProducts, changeStatus } from './status.js';
export { changeTags } from './tags.js';
export { updateVariants, type VariantBulkInput } from './variant-updates.js';
export { variantTitle } from './variants.js';
