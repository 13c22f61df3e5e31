import { z } from 'zod';

/**
 * The shape of every channel answer. Main never throws across IPC: it answers a Result.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'in_use'
  | 'stale'
  | 'forbidden'
  /** Nobody is signed in: the sign-in screen. */
  | 'unauthenticated'
  /** The session locked after 15 idle minutes: the password opens it again. */
  | 'locked'
  | 'unknown_channel'
  | 'untrusted_sender'
  | 'cancelled'
  /** Office mode: the server's schema is newer than this app; writes wait for an update. */
  | 'read_only'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  /** A sentence in the user's language (Spanish by default). */
  message: string;
  /** Field path (dot-joined) → message in the user's language. */
  fields: Record<string, string>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * query: reads; runs outside a transaction.
 * write: changes the database; runs inside one transaction and must leave an audit entry.
 * action: works outside the database (a file on disk, a dialog); never writes rows.
 */
export type ChannelKind = 'query' | 'write' | 'action';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: ChannelKind;
  input: I;
  output: O;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(kind: ChannelKind, input: I, output: O): ChannelDef<I, O> => ({
  kind,
  input,
  output,
});

/** Channels that take no input accept nothing but an empty object. */
export const NoInput = z.object({}).strict();

/**
 * The message of a schema's type check: "obligatorio" when the value is missing, `otherwise`
 * when it is there but of the wrong kind. Other checks (too short, too long) keep theirs.
 */
export const requiredOr =
  (otherwise: string) =>
  (issue: { code?: string; input?: unknown }): string | undefined => {
    if (issue.code !== 'invalid_type' && issue.code !== 'invalid_value') return undefined;
    return issue.input === undefined || issue.input === null || issue.input === '' ? 'errors.required' : otherwise;
  };

export const Id = z
  .number({ error: requiredOr('errors.invalid') })
  .int('errors.invalid')
  .positive('errors.invalid');

/** A calendar day as ISO yyyy-mm-dd (shown as dd/mm/aaaa); it must exist (no 31/02). */
export const IsoDate = z
  .string({ error: requiredOr('errors.invalidDate') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.invalidDate')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1900 && y <= 2100;
  }, 'errors.invalidDate');

/** Money in integer céntimos (PEN), never a float. */
export const Centimos = z
  .number({ error: requiredOr('errors.invalidAmount') })
  .int('errors.invalidAmount')
  .nonnegative('errors.invalidAmount')
  .max(100_000_000_000, 'errors.invalidAmount');

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string({ error: 'errors.invalid' })
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** The name of a file chosen in the renderer, as the File API gives it. */
export const FileName = z
  .string({ error: requiredOr('errors.invalid') })
  .trim()
  .min(1, 'errors.required')
  .max(255);

/**
 * A file's bytes chosen in the renderer, sent as base64 (the File API: the window and the
 * browser harness alike): at most `maxBase64` characters, refused with the caller's texts.
 */
export const base64File = (maxBase64: number, tooLarge: string, unreadable: string) =>
  z
    .string({ error: requiredOr('errors.invalid') })
    .min(1, 'errors.required')
    .max(maxBase64, tooLarge)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, unreadable);

/** Required free text, trimmed. */
export const requiredText = (max: number, min = 1) =>
  z
    .string({ error: requiredOr('errors.invalid') })
    .trim()
    .min(1, 'errors.required')
    .min(min)
    .max(max);

/** One of a fixed list of values: "obligatorio" when missing, "elige" when it is not one of them. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: requiredOr('errors.choose') });

/** The version of a record the user saw, which an update names (optimistic concurrency). */
export const Version = z
  .number({ error: requiredOr('errors.invalid') })
  .int('errors.invalid')
  .nonnegative('errors.invalid');

/** An optional input: absent or null both arrive as null. */
export const orNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v): z.output<T> | null => v ?? null);

/** An optional day: absent or null both arrive as null. */
export const optionalDate = orNull(IsoDate);

/** What a list's search box sends: trimmed words, none by default. */
export const SearchText = z.string().trim().max(100).default('');

/**
 * A list's filter: the search box's words, then each of `choices` as one value or null (nothing
 * chosen, the default), then `others` as they are.
 */
export const listFilter = <C extends Record<string, z.ZodType>, O extends z.ZodRawShape = Record<never, never>>(
  choices: C,
  others: O = {} as O,
) => {
  const chosen = Object.fromEntries(Object.entries(choices).map(([k, s]) => [k, s.nullable().default(null)])) as {
    [K in keyof C]: z.ZodDefault<z.ZodNullable<C[K]>>;
  };
  return z.object({ search: SearchText, ...chosen, ...others }).strict();
};

/** A list's filter on whether its records are active. */
export const activeFilter = (byDefault: 'active' | 'inactive' | 'all') => z.enum(['active', 'inactive', 'all']).default(byDefault);

export const pageSizes = [10, 25, 50, 100] as const;

export const SortDirection = z.enum(['asc', 'desc']);

/** Rows per page a list offers. */
export const PageSize = z
  .number()
  .int()
  .refine((n) => (pageSizes as readonly number[]).includes(n), 'errors.invalid')
  .default(25);

/** The page a list shows, from 1. */
export const PageNumber = z.number().int().positive().max(1_000_000).default(1);

/** The sorting and paging part of every list query: one of the list's sort columns, a direction, a page. */
export const listPaging = <const S extends readonly [string, ...string[]]>(
  sortColumns: S,
  defaultSort: S[number],
  defaultDirection: z.infer<typeof SortDirection> = 'asc',
) => ({
  sort: z.enum(sortColumns).default(defaultSort as never),
  direction: SortDirection.default(defaultDirection),
  page: PageNumber,
  pageSize: PageSize,
});

/** Who wrote a record last and its version, in answers. */
export const stamped = { version: z.number().int(), updatedAt: z.string(), updatedBy: z.string() };
/** Who recorded a ledger entry and when, in answers. */
export const recorded = { recordedAt: z.string(), recordedBy: z.string() };

export const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({
    rows: z.array(row),
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const ExportFormat = z.enum(['xlsx', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string(), rows: z.number().int().nonnegative() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type ExportResult = z.infer<typeof ExportResult>;
