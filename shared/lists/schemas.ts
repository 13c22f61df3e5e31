import { z } from 'zod';
import { ExportFormat, requiredOr, choice } from '../ipc';

/** The lists whose filters can be saved as named views: their list channels. */
export const viewLists = [
  'instruments.list',
  'establishments.list',
  'staff.list',
  'teachers.list',
  'contracts.list',
  'conformities.list',
  'participants.list',
  'workshops.list',
  'artworks.list',
  'custody.overdue',
  'users.list',
  'ensembles.list',
  'events.list',
  'partners.list',
  'initiatives.list',
  'stocktakes.list',
  'consumables.stock',
  'custody.recoveries',
  'exhibitions.list',
  'budget.expenses',
  'audit.list',
] as const;
export const ViewList = choice(viewLists);
export type ViewList = z.infer<typeof ViewList>;

/** A filter's value as a list keeps it: text, a choice, a number, yes/no, or none. */
const FilterValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

/** What a view restores: the search box, each filter by its key, and the order. */
export const ViewState = z
  .object({
    search: z.string().max(200),
    filters: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'errors.invalid'), FilterValue)
      .refine((f) => Object.keys(f).length <= 20, 'errors.invalid'),
    sort: z.object({ column: z.string().max(60), direction: z.enum(['asc', 'desc']) }).strict(),
  })
  .strict();
export type ViewState = z.infer<typeof ViewState>;

export const SavedView = z.object({ id: z.number().int(), name: z.string(), state: ViewState });
export type SavedView = z.infer<typeof SavedView>;

export const ViewsQuery = z.object({ list: ViewList }).strict();
export const ViewSave = z
  .object({
    list: ViewList,
    name: z
      .string({ error: requiredOr('errors.required') })
      .trim()
      .min(1, 'errors.required')
      .max(80, 'lists.errors.nameTooLong'),
    state: ViewState,
    /** Replace the view of that name (the user confirmed); otherwise an existing name is refused. */
    replace: z.boolean().default(false),
  })
  .strict();
export type ViewSave = z.input<typeof ViewSave>;
export const ViewRemove = z.object({ list: ViewList, id: z.number().int().positive() }).strict();

/**
 * The lists exported through lists.export (the others have their own <domain>.export): each
 * by its list channel, read with the user's own filters and rights (HandlerContext.read), so
 * the file holds what the list shows, every page of it.
 */
export const exportLists = [
  'staff.list',
  'teachers.list',
  'conformities.list',
  'exhibitions.list',
  'users.list',
  'partners.list',
  'agreements.list',
  'events.list',
  'ensembles.list',
  'stocktakes.list',
  'custody.overdue',
  'custody.recoveries',
  'consumables.stock',
  'regionalOffices.list',
  'instrumentTypes.list',
  'budget.expenses',
] as const;
export const ExportList = choice(exportLists);
export type ExportList = z.infer<typeof ExportList>;

export const ListExport = z
  .object({
    list: ExportList,
    /** The list's query as the page sends it (checked in main by that list's own schema; its paging is ignored). */
    query: z.record(z.string(), z.unknown()).refine((q) => Object.keys(q).length <= 30, 'errors.invalid'),
    format: ExportFormat,
    /** Why, for a list with people's names (asked and logged as for every personal-data export); empty otherwise. */
    reason: z.string().max(300).default(''),
  })
  .strict();
export type ListExport = z.input<typeof ListExport>;
