/** The list's filters as URL parameters (see products/page.tsx). */
export interface ProductFilterValues {
  q: string | null;
  status: string[];
  category: string | null;
  collection: string | null;
  tag: string | null;
  brand: string | null;
  minPrice: string | null;
  maxPrice: string | null;
  stock: string | null;
  from: string | null;
  to: string | null;
}
