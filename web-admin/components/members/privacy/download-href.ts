/**
 * The console's path for an export's signed gateway link (`/exports/members/privacy/<id>.json?expires=…&signature=…`):
 * the browser downloads through the console, which adds the staff session (app/(console)/members/privacy-export).
 */
export function downloadHref(gatewayPath: string): string | null {
  const url = new URL(gatewayPath, 'http://gateway');
  const id = /^\/exports\/members\/privacy\/([0-9a-f-]{36})\.json$/.exec(url.pathname)?.[1];
  return id ? `/members/privacy-export/${id}${url.search}` : null;
}
