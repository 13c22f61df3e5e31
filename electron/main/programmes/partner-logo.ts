import sharp from 'sharp';
import { fieldError } from '../ipc/errors';

/**
 * A partner's logo as the catalog prints it (issue 18, item 3): a PNG, or an SVG that is only
 * a drawing. An SVG is refused (not cleaned) when it could run or fetch anything: a script,
 * an event attribute (onload=…), a foreignObject, a javascript: URL, or a reference outside
 * the file (href or url() to anything but a #fragment, @import). What is kept is exactly what
 * was given; sharp reads its size (the preflight and the layout need it). Spanish messages
 * beside the field (`logo`).
 */

export interface CheckedLogo {
  mime: 'image/png' | 'image/svg+xml';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const refused = (key: string) => fieldError('logo', key);

/** Why an SVG's text could run or fetch something, or null when it is only a drawing. */
export function unsafeSvg(text: string): string | null {
  if (/<script[\s>/]/i.test(text)) return 'script';
  if (/<foreignObject[\s>/]/i.test(text)) return 'foreignObject';
  if (/\son[a-z]+\s*=/i.test(text)) return 'event';
  if (/javascript:/i.test(text)) return 'javascript';
  if (/@import/i.test(text)) return 'import';
  if (/<!ENTITY/i.test(text)) return 'entity';
  for (const m of text.matchAll(/(?:xlink:)?href\s*=\s*["']\s*([^"']*)["']/gi)) if (!m[1]!.startsWith('#')) return 'href';
  for (const m of text.matchAll(/url\(\s*["']?\s*([^)"']*)/gi)) if (!m[1]!.startsWith('#')) return 'url';
  return null;
}

export async function checkPartnerLogo(bytes: Buffer, fileName: string): Promise<CheckedLogo> {
  const isPng = bytes.subarray(0, 8).equals(PNG_SIGNATURE);
  const text = isPng ? '' : bytes.toString('utf8');
  const isSvg = !isPng && /\.svg$/i.test(fileName) && /<svg[\s>]/i.test(text);
  if (!isPng && !isSvg) throw refused('internarte.choices.errors.logoType');
  if (isSvg && unsafeSvg(text) !== null) throw refused('internarte.choices.errors.logoUnsafe');
  try {
    const meta = await sharp(bytes, { limitInputPixels: 50_000_000 }).metadata();
    if (!meta.width || !meta.height || meta.format !== (isPng ? 'png' : 'svg')) throw new Error('no size');
    return { mime: isPng ? 'image/png' : 'image/svg+xml', width: meta.width, height: meta.height };
  } catch {
    throw refused('internarte.choices.errors.logoUnreadable');
  }
}
