import { compareSpanish, normalizeText, readMoney } from '../../../shared/format';
import type { MessageRef } from '../../../shared/validation';
import type { Cell } from './read';

/**
 * Reading the values of a spreadsheet's cells the way every import target needs them:
 * names of a register's records (establishments, instrument types) matched without regard
 * to the way clerks write them, and amounts in soles read exactly or refused.
 */

// ─── Names of a register's records ───────────────────────────────────────────────────────

/** Words that do not tell one record from another: "E.P. de Mujeres de Chorrillos" is "Mujeres Chorrillos". */
const noiseWords = new Set(['ep', 'de', 'del', 'la']);

/** The words of a name: lower case, no accents, dots dropped ("E.P." is "ep"), "E. P." joined, noise words left out. */
export function registerWords(s: string): string[] {
  const tokens = normalizeText(s)
    .replace(/\./g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'e' && tokens[i + 1] === 'p') {
      joined.push('ep');
      i++;
    } else joined.push(tokens[i]!);
  }
  const words = joined.filter((w) => !noiseWords.has(w));
  return words.length > 0 ? words : joined;
}

/**
 * The key a name is matched by, ignoring case, accents, dots, spaces and the words "E.P.",
 * "de", "del", "la": "E.P. de Mujeres Chorrillos" and "EP Mujeres de Chorrillos" are the
 * same; "Violín 4/4" is not "Violín". A value of signs only ("✓", "—") is its own key.
 */
export const registerKey = (s: string): string => registerWords(s).join('') || normalizeText(s).replace(/\s+/g, '');

/** One record of a register, with every name that finds it (its name, its code…). */
export interface RegisterEntry {
  id: number;
  /** As the clerk knows it (the name). */
  label: string;
  names: string[];
  /** Values suggested to the clerk as this record without being read as it ("J" → Ausente). */
  hints?: string[];
}

export interface RegisterIndex {
  entries: RegisterEntry[];
  /** Whether a value may stand for the one record whose name begins with it ("Cajón" → "Cajón peruano"). */
  prefix: boolean;
  byKey: Map<string, number | 'ambiguous'>;
  ids: Set<number>;
}

export function registerIndex(entries: RegisterEntry[], prefix = false): RegisterIndex {
  const byKey = new Map<string, number | 'ambiguous'>();
  for (const e of entries) {
    for (const name of new Set([e.label, ...e.names].map(registerKey))) {
      if (name === '') continue;
      const had = byKey.get(name);
      byKey.set(name, had === undefined || had === e.id ? e.id : 'ambiguous');
    }
  }
  return { entries, prefix, byKey, ids: new Set(entries.map((e) => e.id)) };
}

/** The record a written name stands for, or undefined when none (or more than one) does. */
export function findInRegister(index: RegisterIndex, text: string): number | undefined {
  const exact = index.byKey.get(registerKey(text));
  if (exact !== undefined) return exact === 'ambiguous' ? undefined : exact;
  if (!index.prefix) return undefined;
  const start = `${registerWords(text).join(' ')} `;
  const hits = new Set(index.entries.filter((e) => `${registerWords(e.label).join(' ')} `.startsWith(start)).map((e) => e.id));
  return hits.size === 1 ? [...hits][0] : undefined;
}

/** Letter pairs of a key, for similarity. */
function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const padded = ` ${s} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const g = padded.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice's coefficient of two keys' letter pairs: 1 for the same key, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of x) {
    common += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

/** The records closest to a written name, best first (at most `max`, none with nothing in common). */
export function suggestFromRegister(index: RegisterIndex, text: string, max = 5): RegisterEntry[] {
  const key = registerKey(text);
  return index.entries
    .map((e) => {
      const keys = [e.label, ...e.names].map(registerKey);
      const score = (e.hints ?? []).some((h) => registerKey(h) === key)
        ? 2
        : Math.max(...keys.map((k) => similarity(key, k) + (k.startsWith(key) || key.startsWith(k) ? 0.25 : 0)));
      return { e, score };
    })
    .filter((s) => s.score >= 0.3)
    .sort((a, b) => b.score - a.score || compareSpanish(a.e.label, b.e.label))
    .slice(0, max)
    .map((s) => s.e);
}

// ─── Amounts in soles ────────────────────────────────────────────────────────────────────

/**
 * A cell holding an amount in soles → integer céntimos, exactly, or the reason it cannot be
 * read without guessing: "1.234" alone could be a thousand and some or one sol and some
 * (one separator followed by three digits), 12.345 has a third decimal, a minus sign.
 * Nothing is rounded, truncated or guessed. The forms read amounts with the same parser
 * (readMoney, shared/format.ts); the import's messages name the cell's text, since the
 * report shows it away from the spreadsheet.
 */
export function parseAmountCell(c: Cell | undefined): { centimos: number } | { error: MessageRef } {
  if (c === null || c === undefined) return { centimos: 0 };
  if (typeof c !== 'string' && typeof c !== 'number') return { error: { key: 'errors.invalidAmount' } };
  const r = readMoney(c);
  if (r.ok) return { centimos: r.centimos };
  const value = String(c).trim();
  switch (r.problem) {
    case 'empty':
      return { centimos: 0 };
    case 'negative':
      return { error: { key: 'import.errors.amountNegative', params: { value } } };
    case 'decimals':
      return { error: { key: 'import.errors.amountDecimals', params: { value } } };
    case 'doubtful':
      return { error: { key: 'import.errors.amountDoubtful', params: { value } } };
    default:
      return { error: { key: 'errors.invalidAmount' } };
  }
}
