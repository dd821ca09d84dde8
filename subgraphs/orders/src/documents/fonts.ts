// The Noto fonts bundled through npm (@fontsource), as @font-face rules the document page loads from its own origin.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Latin, Thai, Arabic, then Simplified and Traditional Chinese: each script finds its face by unicode-range. */
const PACKAGES = ['noto-sans', 'noto-sans-thai', 'noto-sans-arabic', 'noto-sans-sc', 'noto-sans-tc'] as const;
const WEIGHTS = [400, 700] as const;

export const FONT_STACK = "'Noto Sans', 'Noto Sans Thai', 'Noto Sans Arabic', 'Noto Sans SC', 'Noto Sans TC', sans-serif";

const packageDir = (name: string) => dirname(require.resolve(`@fontsource/${name}/400.css`));

let css: string | undefined;

/**
 * The @font-face rules of every bundled face, pointing at /fonts/<package>/<file> (woff2 only). Chromium
 * fetches only the slices whose unicode-range the text uses, so a Thai label never loads the Chinese faces.
 */
export function fontFaces(): string {
  return (css ??= PACKAGES.flatMap((name) =>
    WEIGHTS.map((weight) =>
      readFileSync(join(packageDir(name), `${weight}.css`), 'utf8')
        .replace(/url\(\.\/files\/([^)]+\.woff2)\)/g, `url(/fonts/${name}/$1)`)
        .replace(/,\s*url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, ''),
    ),
  ).join('\n'));
}

const FILE = /^([a-z-]+)\/([a-z0-9-]+\.woff2)$/;

/** The bundled file behind a /fonts/ path, or null for anything that is not one of our packages' woff2 files. */
export function fontFile(path: string): string | null {
  const match = FILE.exec(path);
  if (!match || !(PACKAGES as readonly string[]).includes(match[1]!)) return null;
  return join(packageDir(match[1]!), 'files', match[2]!);
}
