export interface MediaValue {
  url: string;
  alt: string;
}

/** Where the console shows an uploaded image: its own proxy of the gateway's /media route. */
export function mediaSrc(url: string): string {
  return url.startsWith('/media/') ? `/products${url}` : url;
}

/** Sends one image through the console's upload proxy (products/media/route.ts); answers its url. */
export async function upload(file: File): Promise<{ url: string } | { error: string }> {
  const response = await fetch('/products/media', {
    method: 'POST',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
  return body.url ? { url: body.url } : { error: body.error ?? `${response.status}` };
}
