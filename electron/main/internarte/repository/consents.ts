import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { ConsentEntry, ConsentNow } from '../../../../shared/internarte/schemas';
import { str, toBool, type Row, recordedOf } from '../../db/rows';
import { joinAttachment } from '../../files/repository/attachments';
import { consentOfRow } from './view';

/**
 * The consent ledger of each artwork: entries appended, never rewritten; the current consent
 * is the latest entry, read at the moment of the call (a revocation is an entry allowing nothing).
 */

/** Joins an artwork query (alias a) with its latest consent entry (alias c). */
export const joinLatestConsent = (db: Knex, q: Knex.QueryBuilder): Knex.QueryBuilder =>
  q.leftJoin('artwork_consents as c', (j) => {
    j.on('c.id', '=', db.raw('(select max(c2.id) from artwork_consents c2 where c2.artwork_id = a.id)'));
  });

export const consentColumns = [
  'c.id as c_id',
  'c.date as c_date',
  'c.naming as c_naming',
  'c.pseudonym as c_pseudonym',
  'c.may_exhibit as c_may_exhibit',
  'c.may_catalog as c_may_catalog',
  'c.may_photograph as c_may_photograph',
  'c.may_sell as c_may_sell',
];

/** Works (joined with joinLatestConsent) with nothing recorded, or whose latest entry allows nothing (revoked). */
export const whereNoConsent = (q: Knex.QueryBuilder): Knex.QueryBuilder =>
  q.where((b) =>
    b
      .whereNull('c.id')
      .orWhere((n) =>
        n.where('c.may_exhibit', false).where('c.may_catalog', false).where('c.may_photograph', false).where('c.may_sell', false),
      ),
  );

/** The current consent of one work, read now. */
export async function currentConsent(db: Knex, artworkId: number): Promise<ConsentNow> {
  const row = (await db('artwork_consents')
    .where({ artwork_id: artworkId })
    .orderBy('id', 'desc')
    .first(
      'id as c_id',
      'date as c_date',
      'naming as c_naming',
      'pseudonym as c_pseudonym',
      'may_exhibit as c_may_exhibit',
      'may_catalog as c_may_catalog',
      'may_photograph as c_may_photograph',
      'may_sell as c_may_sell',
    )) as Row | undefined;
  return consentOfRow(row ?? {});
}

/**
 * An artwork's consent ledger, newest first. `full`: with the notes and the signed document's
 * hash and name (for the roles that see artists' real names); otherwise only whether a
 * signed document is on file.
 */
export async function consentLedger(db: Knex, artworkId: number, full: boolean): Promise<ConsentEntry[]> {
  const rows = (await joinAttachment(db('artwork_consents as c'), 'a', 'c.document_hash', 'left')
    .where('c.artwork_id', artworkId)
    .orderBy('c.id', 'desc')
    .select('c.*', 'a.original_name')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    date: String(r.date),
    revocation: toBool(r.revocation),
    naming: r.naming as ConsentEntry['naming'],
    pseudonym: str(r.pseudonym),
    mayExhibit: toBool(r.may_exhibit),
    mayCatalog: toBool(r.may_catalog),
    mayPhotograph: toBool(r.may_photograph),
    maySell: toBool(r.may_sell),
    notes: full ? str(r.notes) : null,
    hasDocument: r.document_hash !== null && r.document_hash !== undefined,
    documentHash: full ? str(r.document_hash) : null,
    documentName: full ? str(r.original_name) : null,
    ...recordedOf(r),
  }));
}

export interface ConsentValues {
  date: string;
  revocation: boolean;
  naming: string;
  pseudonym: string | null;
  mayExhibit: boolean;
  mayCatalog: boolean;
  mayPhotograph: boolean;
  maySell: boolean;
  notes: string | null;
  documentHash: string | null;
}

/** Appends one consent entry; answers the row written (what the audit entry records). */
export async function insertConsent(
  db: Knex,
  artworkId: number,
  v: ConsentValues,
  actor: Actor,
  now: string,
): Promise<Record<string, unknown>> {
  const row = {
    artwork_id: artworkId,
    date: v.date,
    revocation: v.revocation,
    naming: v.naming,
    pseudonym: v.pseudonym,
    may_exhibit: v.mayExhibit,
    may_catalog: v.mayCatalog,
    may_photograph: v.mayPhotograph,
    may_sell: v.maySell,
    notes: v.notes,
    document_hash: v.documentHash,
    recorded_at: now,
    recorded_by: actor.name,
  };
  await db('artwork_consents').insert(row);
  return row;
}
