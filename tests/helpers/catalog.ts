import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import type { CatalogData, CatalogWork } from '../../electron/main/internarte/catalog-data';

/**
 * Synthetic catalog data and photo-like images for the catalog's tests and bench: the
 * shape internarte/outputs.ts answers (consent already applied), without a database.
 */

/**
 * A photograph-like JPEG of an artwork: a painted panel with soft gradients and shapes on a
 * lit wall, with film grain and a little blur, so it compresses like a real photo (not like
 * noise, and not like a flat colour).
 */
export async function photoLikeJpeg(file: string, width: number, height: number, hue = 18): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 600 750" preserveAspectRatio="xMidYMid slice">
  <defs>
    <radialGradient id="wall" cx="50%" cy="30%" r="85%"><stop offset="0" stop-color="#efe9df"/><stop offset="1" stop-color="#b9ae9c"/></radialGradient>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue + 190},45%,62%)"/><stop offset="0.55" stop-color="hsl(${hue + 30},70%,70%)"/><stop offset="1" stop-color="hsl(${hue},60%,38%)"/></linearGradient>
    <radialGradient id="sun" cx="50%" cy="50%" r="50%"><stop offset="0" stop-color="#fff6d0"/><stop offset="1" stop-color="hsl(${hue + 35},90%,60%)" stop-opacity="0"/></radialGradient>
  </defs>
  <rect width="600" height="750" fill="url(#wall)"/>
  <rect x="62" y="70" width="476" height="600" fill="#3b2a1e"/>
  <rect x="78" y="86" width="444" height="568" fill="url(#sky)"/>
  <circle cx="380" cy="250" r="120" fill="url(#sun)"/>
  <path d="M78 470 C 170 400, 250 430, 330 380 S 470 330, 522 360 L 522 654 L 78 654 Z" fill="hsl(${hue + 100},35%,32%)"/>
  <path d="M78 540 C 200 480, 300 560, 420 500 S 500 480, 522 500 L 522 654 L 78 654 Z" fill="hsl(${hue + 80},40%,24%)" opacity="0.9"/>
  <ellipse cx="230" cy="520" rx="60" ry="90" fill="hsl(${hue},55%,45%)"/>
  <circle cx="230" cy="410" r="34" fill="hsl(${hue + 15},45%,58%)"/>
  <path d="M150 600 Q 230 560 310 600" stroke="#f4e6c8" stroke-width="6" fill="none" opacity="0.7"/>
  <g opacity="0.35" stroke="#1d1410" stroke-width="2" fill="none">
    <path d="M100 140 q 40 -30 80 0 t 80 0 t 80 0 t 80 0 t 80 0"/>
    <path d="M100 180 q 40 -30 80 0 t 80 0 t 80 0 t 80 0 t 80 0"/>
  </g>
</svg>`;
  const base = await sharp(Buffer.from(svg)).resize(width, height).removeAlpha().toBuffer();
  const grain = await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 28 } },
  })
    .blur(0.6)
    .png()
    .toBuffer();
  await sharp(base)
    .composite([{ input: grain, blend: 'soft-light' }])
    .blur(0.5)
    .jpeg({ quality: 90 })
    .toFile(file);
}

export interface SyntheticOptions {
  works?: number;
  /** The photo every work shows (null: no image). */
  image?: { path: string; width: number; height: number } | null;
  lang?: 'es-PE' | 'en';
  overrides?: (w: CatalogWork, i: number) => Partial<CatalogWork>;
}

const artists = ['José Ñaupari Quispe', 'M. R. C.', 'Yawar Pacha', 'Lucía Gutiérrez Ayala', 'Rocío Ñahui', 'Anónimo'];
const techniques = ['Cerámica de alta temperatura', 'Pintura al óleo', 'Tallado en madera', 'Textil', 'Retablo ayacuchano'];
const establishments = ['E.P. Lurigancho', 'E.P. Anexo de Mujeres de Chorrillos', 'E.P. de Huancayo'];

export function syntheticCatalog(opts: SyntheticOptions = {}): CatalogData {
  const n = opts.works ?? 6;
  const works: CatalogWork[] = [];
  for (let i = 0; i < n; i++) {
    const artist = artists[i % artists.length]!;
    const w: CatalogWork = {
      artworkId: i + 1,
      catalogNumber: String(i + 1),
      section: establishments[Math.floor((i * establishments.length) / n)] ?? null,
      title: i === 0 ? '¿Dónde está mi niñez? ¡Aquí!' : `Añoranza del Ande n.º ${i + 1}`,
      artistLabel: artist,
      anonymous: artist === 'Anónimo',
      year: 2020 + (i % 6),
      technique: techniques[i % techniques.length]!,
      materials: i % 2 === 0 ? 'Arcilla, engobes y esmaltes de alta temperatura' : null,
      dimensionsMm: { height: 455, width: 300, depth: i % 2 === 0 ? 200 : null },
      establishment: establishments[i % establishments.length]!,
      image: opts.image === null ? null : opts.image ? { ...opts.image, alt: `Obra ${i + 1}` } : null,
      priceCentimos: i % 3 === 0 ? 35000 : null,
    };
    works.push({ ...w, ...(opts.overrides?.(w, i) ?? {}) });
  }
  return {
    lang: opts.lang ?? 'es-PE',
    exhibition: {
      id: 1,
      title: 'InternArte: otra forma de libertad',
      subtitle: 'Artes plásticas desde los establecimientos penitenciarios del Perú',
      venue: 'Museo de Artes y Tradiciones Populares del Instituto Riva-Agüero (PUCP)',
      startsOn: '2026-12-05',
      endsOn: '2027-02-28',
      curators: ['Ana Cárdenas Ñique', 'Pedro Villanueva'],
      presentation:
        '¿Qué puede el arte dentro de un penal? Esta muestra reúne obras hechas en los talleres del INPE.\n\nCada pieza es el trabajo paciente de una persona que aprendió un oficio: la cerámica, el tallado, el tejido. ¡Bienvenidos!',
      curatorialText:
        'La curaduría recorre los establecimientos de Lima, Huancayo y Chorrillos.\n\nLa libertad, aquí, es una forma de hacer.',
      credits: 'Fotografía: Oficina de Tratamiento.\nDiseño: ArteINPE.',
      partners: [
        { name: 'Instituto Riva-Agüero — PUCP', logo: null },
        { name: 'Municipalidad de Lima', logo: null },
      ],
      cover: opts.image ? { ...opts.image, alt: 'Portada' } : null,
    },
    works,
    consentAsOf: '2026-11-26T15:00:00.000Z',
  };
}

/** Runs a poppler tool and answers its standard output. */
export const poppler = (tool: 'pdfinfo' | 'pdftotext' | 'pdffonts' | 'pdfimages', ...args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** pdfimages -list as rows: page, width, height, encoding, x-ppi, y-ppi. */
export function pdfImages(file: string) {
  return poppler('pdfimages', '-list', file)
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c[2] === 'image')
    .map((c) => ({ page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), enc: c[8], xppi: Number(c[12]), yppi: Number(c[13]) }));
}

export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of poppler('pdfinfo', file).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

export const ensureDir = (dir: string) => {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};
export const inDir = (dir: string, name: string) => path.join(dir, name);
