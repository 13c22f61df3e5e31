import { z } from 'zod';

/** The kinds of record the search finds, in the order their groups show. */
export const searchKinds = [
  'instrument',
  'participant',
  'teacher',
  'staff',
  'ensemble',
  'workshop',
  'contract',
  'artwork',
  'exhibition',
  'event',
  'partner',
  'agreement',
] as const;
export type SearchKind = (typeof searchKinds)[number];

/** At most this many records of each kind (the group says when there are more). */
export const SEARCH_PER_KIND = 5;

/** What the user typed: at least two letters or digits, at most 100 characters, kept as typed. */
export const GlobalSearchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(2, 'search.errors.tooShort')
      .max(100)
      .refine((s) => /[\p{L}\p{N}]/u.test(s), 'search.errors.text'),
  })
  .strict();

/** One record found: what opens it (kind and id) and what the user may see of it. */
export const SearchHit = z.object({
  kind: z.enum(searchKinds),
  id: z.number().int().positive(),
  /** The code, number, name or title (a participant's code when the names are withheld). */
  title: z.string(),
  /** A second line: the name, establishment or type, as this role may see it. */
  detail: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({
  kind: z.enum(searchKinds),
  hits: z.array(SearchHit),
  /** More records of this kind match than are shown. */
  more: z.boolean(),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

export const GlobalSearchResult = z.object({ groups: z.array(SearchGroup) });
export type GlobalSearchResult = z.infer<typeof GlobalSearchResult>;

/** What one domain's `repository/for-search.ts` answers for one kind. */
export type SearchFound = Omit<SearchGroup, 'kind'>;
