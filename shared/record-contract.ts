import type { z } from 'zod';
import { channel, type ChannelDef } from './ipc';

type Pair = [z.ZodType, z.ZodType];
type Triple = [z.ZodType, z.ZodType, z.ZodType];

/**
 * The four channels of a register's records, under the register's prefix: `<prefix>.list` (its
 * query and its answer), `<prefix>.get` (the reference to one record and its answer), and
 * `<prefix>.create` and `<prefix>.update` (what each takes, and the record both answer).
 */
export function recordContract<P extends string, L extends Pair, G extends Pair, W extends Triple>(
  prefix: P,
  list: L,
  get: G,
  write: W,
): RecordContract<P, L, G, W> {
  return {
    [`${prefix}.list`]: channel('query', list[0], list[1]),
    [`${prefix}.get`]: channel('query', get[0], get[1]),
    [`${prefix}.create`]: channel('write', write[0], write[2]),
    [`${prefix}.update`]: channel('write', write[1], write[2]),
  } as RecordContract<P, L, G, W>;
}

type RecordContract<P extends string, L extends Pair, G extends Pair, W extends Triple> = { [K in `${P}.list`]: ChannelDef<L[0], L[1]> } & {
  [K in `${P}.get`]: ChannelDef<G[0], G[1]>;
} & { [K in `${P}.create`]: ChannelDef<W[0], W[2]> } & { [K in `${P}.update`]: ChannelDef<W[1], W[2]> };
