import type { CatalogCategory } from '@/app/(console)/products/products.graphql';

/** A category with its children, as antd Tree and TreeSelect take it. */
export interface CategoryNode {
  key: string;
  value: string;
  title: string;
  category: CatalogCategory;
  children: CategoryNode[];
}

/** Nests the depth-first category list (parents first, siblings by position) into a forest. */
export function categoryNodes(categories: readonly CatalogCategory[]): CategoryNode[] {
  const byId = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const category of categories) {
    const node: CategoryNode = { key: category.id, value: category.id, title: category.name, category, children: [] };
    byId.set(category.id, node);
    const parent = category.parent ? byId.get(category.parent.id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
