/**
 * A domain's resolver map from its sub-areas' maps: each adds roots and fields to the same types
 * (Query, Mutation, Member...), so they are merged type by type, not replaced.
 */
export function mergeResolvers<Map extends object>(...maps: Map[]): Map {
  const merged: Record<string, object> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  // Each map was checked against the domain's generated Resolvers; merging type by type keeps every field's type.
  return merged as Map;
}
