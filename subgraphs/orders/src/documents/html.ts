// Writing user text into document HTML: escaped always, and isolated where its direction may differ from the page's.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Any text into HTML, element content or attribute: names and addresses are customer input. */
export const esc = (text: string | number | bigint | null | undefined): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/**
 * Text whose direction is its own (a name or address that may be Thai, Chinese or Arabic, inside a page
 * of another language): the bidi algorithm orders it alone, so it cannot reorder its neighbours.
 */
export const bdi = (text: string | null | undefined): string => `<bdi>${esc(text)}</bdi>`;

/** Numbers, codes and waybills: left to right even inside an Arabic line. */
export const ltr = (text: string | number | bigint | null | undefined): string => `<bdi dir="ltr">${esc(text)}</bdi>`;
