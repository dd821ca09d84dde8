import { inflateSync } from 'node:zlib';

/**
 * The text a reader copies from a PDF that Chromium (Skia) printed, line by line per page.
 *
 * Why not pdfjs alone: Skia's ToUnicode maps the glyphs that shaping substituted (Arabic joining forms,
 * Thai marks moved off a tall vowel) to U+0000 or to presentation forms, and writes the real text as
 * /ActualText spans, with right-to-left runs inside /ReversedChars (glyphs in visual order). pdfjs'
 * getTextContent ignores both. This reads them: each ActualText replaces its glyphs, a reversed run is
 * put back in logical order, and on a line holding right-to-left text the runs are read right to left.
 * It handles what Skia writes (no object streams, hex glyph strings), not PDFs in general.
 */
export function pdfLines(pdf: Buffer): string[][] {
  const text = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const match of text.matchAll(/(\d+) 0 obj\b/g)) {
    const start = match.index! + match[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt === -1 || streamAt > endAt) {
      objects.set(Number(match[1]), { dict: text.slice(start, endAt), stream: null });
      continue;
    }
    const dict = text.slice(start, streamAt);
    const lengthRef = /\/Length (\d+)( 0 R)?/.exec(dict)!;
    const length = lengthRef[2] ? Number(new RegExp(`\\b${lengthRef[1]} 0 obj\\s*(\\d+)`).exec(text)![1]) : Number(lengthRef[1]);
    const dataAt = streamAt + 6 + (text[streamAt + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(dataAt, dataAt + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);

  const cmaps = new Map<number, Map<number, string>>();
  const toUnicode = (fontId: number) => {
    if (cmaps.has(fontId)) return cmaps.get(fontId)!;
    const map = new Map<number, string>();
    const cmap = objects.get(ref(objects.get(fontId)!.dict, 'ToUnicode'))?.stream?.toString('latin1') ?? '';
    const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, gid, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(gid!, 16), utf16(uni!));
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        for (let g = parseInt(lo!, 16), u = parseInt(uni!, 16); g <= parseInt(hi!, 16); g++, u++) map.set(g, String.fromCodePoint(u));
      }
    }
    cmaps.set(fontId, map);
    return map;
  };

  const pageIds: number[] = [];
  const walk = (id: number) => {
    const dict = objects.get(id)!.dict;
    if (/\/Type\s*\/Pages\b/.test(dict)) for (const [, kid] of /\/Kids\s*\[([^\]]*)\]/.exec(dict)![1]!.matchAll(/(\d+) 0 R/g)) walk(Number(kid));
    else pageIds.push(id);
  };
  walk(ref(objects.get(ref(/\/Root (\d+) 0 R/.exec(text)![0], 'Root'))!.dict, 'Pages'));

  return pageIds.map((pageId) => {
    const page = objects.get(pageId)!.dict;
    const resources = /\/Resources (\d+) 0 R/.test(page) ? objects.get(ref(page, 'Resources'))!.dict : page;
    const fontDict = /\/Font\s*(<<[\s\S]*?>>|\d+ 0 R)/.exec(resources)![1]!;
    const fonts = new Map(
      [...(fontDict.endsWith('R') ? objects.get(Number(fontDict.split(' ')[0]))!.dict : fontDict).matchAll(/\/([^\s/<>]+) (\d+) 0 R/g)].map(([, n, id]) => [n!, Number(id)]),
    );
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)![1]!;
    const stream = [...contents.matchAll(/(\d+) 0 R/g)].map(([, id]) => objects.get(Number(id))!.stream!.toString('latin1')).join('\n');
    return readContent(stream, (name) => toUnicode(fonts.get(name)!));
  });
}

type Matrix = [number, number, number, number, number, number];
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Points between two runs of a line that make them separate words (a glyph is at most about 14 pt wide here). */
const GAP = 24;

interface Piece { text: string; x: number; y: number; run: number; reversed: boolean }

/** The lines of one page's content stream, top to bottom. */
function readContent(stream: string, cmapOf: (font: string) => Map<number, string>): string[] {
  const tokens = stream.match(/<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/<>[\]()]+|[[\]]|-?\d*\.?\d+|[A-Za-z'"*]+/g) ?? [];
  const pieces: Piece[] = [];
  const frames: { actual: string | null; reversed: boolean; at: { x: number; y: number } | null }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tlm: Matrix = tm;
  let cmap = new Map<number, string>();
  let run = 0;
  let operands: string[] = [];
  // A line is where its run's text matrix was set (Tm): glyphs moved up or down from it (marks, joining) stay on it.
  let baseline = 0;
  const place = () => ({ x: times(tm, ctm)[4], y: baseline });
  const show = (hex: string) => {
    const digits = hex.slice(1, -1).replace(/\s/g, '');
    const actual = frames.find((f) => f.actual !== null);
    const reversed = frames.some((f) => f.reversed);
    for (let i = 0; i < digits.length; i += 4) {
      const at = place();
      if (actual) actual.at ??= at;
      else pieces.push({ text: cmap.get(parseInt(digits.slice(i, i + 4), 16)) ?? '', ...at, run, reversed });
    }
  };
  for (const token of tokens) {
    if (!/^[A-Za-z'"*]+$/.test(token)) {
      operands.push(token);
      continue;
    }
    const n = operands.map(Number);
    switch (token) {
      case 'q': saved.push(ctm); break;
      case 'Q': ctm = saved.pop() ?? ctm; break;
      case 'cm': ctm = times(n.slice(-6) as Matrix, ctm); break;
      case 'BT': tm = tlm = [1, 0, 0, 1, 0, 0]; run++; break;
      case 'Tf': cmap = cmapOf(operands[operands.length - 2]!.slice(1)); break;
      case 'Tm': tm = tlm = n.slice(-6) as Matrix; baseline = times(tm, ctm)[5]; break;
      case 'Td': tm = tlm = times([1, 0, 0, 1, n[n.length - 2]!, n[n.length - 1]!], tlm); break;
      case 'Tj': show(operands[operands.length - 1]!); break;
      case 'TJ': for (const o of operands) if (o.startsWith('<') && o !== '<<') show(o); break;
      case 'BMC': frames.push({ actual: null, reversed: operands[0] === '/ReversedChars', at: null }); run++; break;
      case 'BDC': {
        const hex = operands[operands.indexOf('/ActualText') + 1];
        const actual = operands.includes('/ActualText') && hex ? Buffer.from(hex.slice(5, -1), 'hex').swap16().toString('utf16le') : null;
        frames.push({ actual, reversed: false, at: null });
        break;
      }
      case 'EMC': {
        const frame = frames.pop();
        if (frame?.actual !== null && frame?.actual !== undefined && frame.at) {
          pieces.push({ text: frame.actual, ...frame.at, run, reversed: frames.some((f) => f.reversed) });
        }
        if (frame?.reversed) run++;
        break;
      }
    }
    operands = [];
  }

  const lines = new Map<number, Piece[]>();
  for (const piece of pieces) {
    const key = Math.round(piece.y);
    lines.set(key, [...(lines.get(key) ?? []), piece]);
  }
  return [...lines.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, line]) => {
      const runs = new Map<number, Piece[]>();
      for (const piece of line) runs.set(piece.run, [...(runs.get(piece.run) ?? []), piece]);
      const rtl = line.some((p) => p.reversed);
      const ordered = [...runs.values()]
        .map((pieces) => ({
          from: Math.min(...pieces.map((p) => p.x)),
          to: Math.max(...pieces.map((p) => p.x)),
          text: (pieces[0]!.reversed ? [...pieces].reverse() : pieces).map((p) => p.text).join(''),
        }))
        .sort((a, b) => (rtl ? b.from - a.from : a.from - b.from));
      // Runs far apart (table cells) read with a space between them, as a viewer's copy gives.
      return ordered.map((r, i) => (i > 0 && (rtl ? ordered[i - 1]!.from - r.to : r.from - ordered[i - 1]!.to) > GAP ? ' ' : '') + r.text).join('');
    });
}
