import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords are never stored, only an scrypt hash (Node's crypto) with a random salt per
 * user, kept as "scrypt$N$r$p$salt$hash": the cost parameters travel with every hash, so
 * a stronger cost applies to new hashes at once and to old ones at their owner's next
 * sign-in (needsRehash, auth/handlers.ts).
 */
export interface HashCost {
  N: number;
  r: number;
  p: number;
}

/**
 * The app's cost: N = 2^17, r = 8, p = 1 (OWASP's minimum for scrypt). It takes 128 MiB
 * of memory and about a second on an old office PC for each hash, once per sign-in.
 */
export const PRODUCTION_HASH_COST: Readonly<HashCost> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** The largest cost a stored hash may ask for (2^20 × 8 needs 1 GiB): anything above is not one of ours. */
const MAX_N = 2 ** 20;

let cost: Readonly<HashCost> = PRODUCTION_HASH_COST;

/** The cost new hashes get: PRODUCTION_HASH_COST, unless a test lowered it. */
export const currentHashCost = (): Readonly<HashCost> => cost;

/**
 * TEST HOOK, never called by the app: the test helpers (tests/helpers/services.ts,
 * tests/e2e/fixtures.ts) lower the cost to N = 2^10 so that a suite creating hundreds of
 * accounts and sign-ins stays fast; null restores the production cost. The production
 * cost and the upgrade of old hashes are tested with the hook undone (tests/unit/main/
 * auth-hardening.test.ts), which also checks that nothing outside tests calls it.
 */
export function setHashCostForTests(testCost: HashCost | null): void {
  cost = testCost ? Object.freeze({ ...testCost }) : PRODUCTION_HASH_COST;
}

/** scrypt needs 128·N·r bytes; Node refuses more than maxmem (32 MiB by default), so it is given what the cost needs. */
const derive = (password: string, salt: Buffer, c: HashCost, keylen: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      keylen,
      { N: c.N, r: c.r, p: c.p, maxmem: 128 * c.N * c.r + 128 * c.r * c.p + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );

export async function hashPassword(password: string, c: HashCost = cost): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, c, KEY_BYTES);
  return ['scrypt', c.N, c.r, c.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash extends HashCost {
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > MAX_N || r > 32 || p > 16 || (N & (N - 1)) !== 0) return null;
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length === 0 || key.length === 0) return null;
  return { N, r, p, salt, key };
}

/** Whether `password` matches the stored hash (compared in constant time), at the cost stored with it. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parseHash(stored);
  if (!h) return false;
  const key = await derive(password, h.salt, h, h.key.length);
  return timingSafeEqual(key, h.key);
}

/** Whether a stored hash is weaker than the current cost: it is replaced at its owner's next successful sign-in. */
export function needsRehash(stored: string): boolean {
  const h = parseHash(stored);
  return !h || h.N < cost.N || h.r < cost.r || h.p < cost.p;
}

/**
 * A hash nobody's password matches, at the current cost: verified against for unknown
 * user names and locked accounts, so that they take as long as a real check.
 */
let decoy: { cost: Readonly<HashCost>; hash: Promise<string> } | null = null;
export const decoyHash = (): Promise<string> => {
  if (decoy?.cost !== cost) decoy = { cost, hash: hashPassword(randomBytes(16).toString('hex'), cost) };
  return decoy.hash;
};
