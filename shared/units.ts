/**
 * A unit of measure as a clerk typed it ("juego", "unidad", "par", "frasco"), agreed with a
 * quantity for display: 1 juego, 2 juegos, 5 unidades, 3 pares. Spanish rules; what is not a
 * plain Spanish word (an abbreviation such as "kg", "ml", "u.", "UND", a word already plural,
 * or anything with digits) is shown as typed. The stored text never changes.
 */

const VOWEL = /[aeiouáéó]$/i;
const STRESSED_FINAL = /([áéíóú])([nsl]?)$/i;
const plain: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', Á: 'A', É: 'E', Í: 'I', Ó: 'O', Ú: 'U' };
/** Words after which the rest of the unit is not pluralised: "juego de cuerdas" → "juegos de cuerdas". */
const LINKS = new Set(['de', 'del', 'para', 'con', 'sin', 'x']);

function pluralWord(word: string): string {
  if (word.length <= 2 || /[^A-Za-zÁÉÍÓÚÜÑáéíóúüñ]/.test(word)) return word; // kg, ml, u., 10ml
  if (!/[aeiouáéíóúü]/i.test(word)) return word; // lts, und
  if (word === word.toUpperCase()) return word; // UND, KG: an abbreviation
  if (/[sx]$/i.test(word)) return word; // unidades, lápices, tórax
  if (VOWEL.test(word)) return `${word}s`; // juego → juegos, sofá → sofás
  if (/[íú]$/i.test(word)) return `${word}es`; // maniquí → maniquíes
  if (/z$/i.test(word)) return `${word.slice(0, -1)}ces`; // lápiz → lápices
  // A consonant: + es, and the written accent of an -ón, -én, -án… ending goes away (cordón → cordones).
  const m = STRESSED_FINAL.exec(word.slice(-2));
  const base = m && word.length > 2 ? `${word.slice(0, -2)}${plain[m[1]!] ?? m[1]}${m[2] ?? ''}` : word;
  return `${base}es`; // unidad → unidades, par → pares, rollo de papel → rollos de papel
}

/** The unit agreed with `count` (|count| = 1: singular, as typed). */
export function unitFor(count: number, unit: string): string {
  if (Math.abs(count) === 1) return unit;
  const words = unit.split(/(\s+)/);
  const out: string[] = [];
  let linked = false;
  for (const w of words) {
    if (linked || /^\s+$/.test(w) || w === '') {
      out.push(w);
      continue;
    }
    if (out.some((x) => x.trim()) && LINKS.has(w.toLowerCase())) {
      linked = true;
      out.push(w);
      continue;
    }
    out.push(pluralWord(w));
  }
  return out.join('');
}

/** "5 juegos", with the number as the caller formats it. */
export const quantityWithUnit = (count: number, unit: string, formatted: string = String(count)): string =>
  unit.trim() ? `${formatted} ${unitFor(count, unit)}` : formatted;
