// Search text from the API as a pattern for ILIKE.

/** `%text%` for ILIKE with the pattern characters escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
