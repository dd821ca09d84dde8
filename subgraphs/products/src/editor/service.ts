// The product editor: creating and updating one product with everything that hangs off it.
import { eq } from 'drizzle-orm';
import { changeOf, DEFAULT_CURRENCY, failWith, ok, type ChangeRecord, type Db } from '@shop/kit';
import { generateHandle, handleTaken } from '../handles/index.js';
import {
  cleanDescription,
  cleanHandle,
  cleanOptions,
  cleanSeo,
  cleanTags,
  cleanTitle,
  cleanTranslations,
  LIMITS,
  Problems,
  type CatalogResult,
  type CleanTranslation,
  type TranslationInput,
} from '../input/index.js';
import { product, variant, type ProductOption, type ProductRow, type VariantRow } from '../tables.js';
import { brandIdFor, checkLinks, writeLinks, writeTranslations, type MediaInput, type ProductLinks } from './references.js';
import { snapshot } from './snapshot.js';
import { planProductVariants, refreshDerived, writeVariants, type PlannedVariant, type VariantInput } from './variants.js';

export interface ProductInput {
  title?: string | null;
  handle?: string | null;
  descriptionHtml?: string | null;
  brand?: string | null;
  status?: ProductRow['status'] | null;
  options?: ProductOption[] | null;
  variants?: VariantInput[] | null;
  /** Price of generated variants (create without variants). */
  price?: string | null;
  media?: MediaInput[] | null;
  categoryIds?: string[] | null;
  collectionIds?: string[] | null;
  tags?: string[] | null;
  seo?: { title?: string | null; description?: string | null } | null;
  translations?: TranslationInput[] | null;
}

/** The product row's own fields as checked; undefined keeps the stored value. */
interface ProductFields {
  title: string | undefined;
  handle: string;
  descriptionHtml: string | undefined;
  options: ProductOption[];
  tags: string[] | undefined;
  seoTitle: string | null | undefined;
  seoDescription: string | null | undefined;
}

/** Everything a checked input writes. */
interface ProductPlan {
  fields: ProductFields;
  /** The brand's name, null to clear it, undefined to keep it. */
  brandName: string | null | undefined;
  existingVariants: VariantRow[];
  variants: PlannedVariant[] | null;
  links: ProductLinks;
  translations: CleanTranslation[];
}

/**
 * Creates (existing = null) or updates a product with everything that hangs
 * off it, in the caller's transaction. Every check runs before the first
 * write, so a refused input writes nothing; updates append their before/after
 * to `changes`.
 */
export async function saveProduct(
  tx: Db,
  existing: ProductRow | null,
  input: ProductInput,
  changes: ChangeRecord[],
): Promise<CatalogResult<ProductRow>> {
  const plan = await checkProduct(tx, existing, input);
  if (!plan.ok) return plan;
  const before = existing ? await snapshot(tx, existing.id) : null;
  const productId = await writeProduct(tx, existing, input, plan.value);
  if (before) {
    const change = changeOf('Product', productId, before, await snapshot(tx, productId));
    if (change) changes.push(change);
  }
  const [saved] = await tx.select().from(product).where(eq(product.id, productId));
  return ok(saved!);
}

/** Checks the whole input, reading only; the userErrors come in the input's field order. */
async function checkProduct(tx: Db, existing: ProductRow | null, input: ProductInput): Promise<CatalogResult<ProductPlan>> {
  const p = new Problems();
  const head = await checkHead(tx, p, existing, input);
  const existingVariants = existing
    ? await tx.select().from(variant).where(eq(variant.productId, existing.id)).orderBy(variant.position)
    : [];
  const variants = await planProductVariants(tx, p, input, {
    existing,
    existingVariants,
    options: head.options,
    handle: head.handle,
    currency: DEFAULT_CURRENCY,
  });
  const links = await checkLinks(tx, p, input);
  const tags = input.tags ? cleanTags(p, input.tags, ['tags']) : undefined;
  const seoTitle = input.seo && input.seo.title !== undefined ? cleanSeo(p, input.seo.title, LIMITS.seoTitleMaxLength, ['seo', 'title']) : undefined;
  const seoDescription =
    input.seo && input.seo.description !== undefined
      ? cleanSeo(p, input.seo.description, LIMITS.seoDescriptionMaxLength, ['seo', 'description'])
      : undefined;
  const translations = input.translations ? cleanTranslations(p, input.translations, ['translations']) : [];
  if (p.any) return failWith(p.errors);
  const { brandName, ...own } = head;
  return ok({
    fields: { ...own, tags, seoTitle, seoDescription },
    brandName: input.brand === undefined ? undefined : brandName || null,
    existingVariants,
    variants,
    links,
    translations,
  });
}

/** Title, handle (a free one made from the title on create), description, brand name and options. */
async function checkHead(tx: Db, p: Problems, existing: ProductRow | null, input: ProductInput) {
  const title = input.title != null ? cleanTitle(p, input.title, ['title']) : existing?.title;
  if (!existing && input.title == null) p.add('INVALID_TITLE', 'A product needs a title.', ['title']);
  let handle = existing?.handle ?? '';
  if (input.handle != null) {
    handle = cleanHandle(p, input.handle, ['handle']);
    if (!p.any && (await handleTaken(tx, 'product', handle, existing?.id ?? null))) {
      p.add('HANDLE_TAKEN', 'Another product has this handle.', ['handle']);
    }
  } else if (!existing && title) {
    handle = await generateHandle(tx, 'product', title, 'product');
  }
  const descriptionHtml = input.descriptionHtml != null ? cleanDescription(p, input.descriptionHtml, ['descriptionHtml']) : undefined;
  const brandName = input.brand?.trim();
  if (brandName && brandName.length > 120) p.add('INVALID_TITLE', 'Brand: at most 120 characters.', ['brand']);
  const options = input.options ? cleanOptions(p, input.options, ['options']) : (existing?.options ?? []);
  return { title, handle, descriptionHtml, brandName, options };
}

/** Writes a checked plan: the product row, then its variants, links and translations. Returns its id. */
async function writeProduct(tx: Db, existing: ProductRow | null, input: ProductInput, plan: ProductPlan): Promise<string> {
  const brandId = plan.brandName === undefined ? undefined : plan.brandName ? await brandIdFor(tx, plan.brandName) : null;
  const fields = { ...plan.fields, title: plan.fields.title!, brandId, status: input.status ?? undefined };
  let productId: string;
  if (existing) {
    productId = existing.id;
    await tx.update(product).set({ ...fields, updatedAt: new Date() }).where(eq(product.id, productId));
  } else {
    const [row] = await tx.insert(product).values(fields).returning({ id: product.id });
    productId = row!.id;
  }
  if (plan.variants) {
    await writeVariants(tx, productId, plan.variants, plan.existingVariants);
    await refreshDerived(tx, [productId]);
  }
  await writeLinks(tx, productId, plan.links);
  await writeTranslations(tx, productId, plan.translations);
  return productId;
}
