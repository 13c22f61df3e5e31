import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { Loan } from '../../../../shared/internarte/schemas';
import { nonEmpty, type Row } from '../../db/rows';
import { joinAttachment } from '../../files/repository/attachments';
import type { AttachmentStore } from '../../files/store';
import { smallPhoto } from './view';
import { insertId } from '../../db/writes';

/** Loans of works to exhibitions: lent with photos of the way out, returned with photos of the way back. */

/** Which loans: one, an exhibition's, or an artwork's. */
export type LoansOf = { loanId: number } | { exhibitionId: number } | { artworkId: number };

const whereLoans = (q: Knex.QueryBuilder, by: LoansOf): Knex.QueryBuilder =>
  'loanId' in by
    ? q.where('l.id', by.loanId)
    : 'exhibitionId' in by
      ? q.where('l.exhibition_id', by.exhibitionId)
      : q.where('l.artwork_id', by.artworkId);

/** Loans with their photos, the latest lent first. */
export async function loansOf(db: Knex, attachments: AttachmentStore, by: LoansOf): Promise<Loan[]> {
  const rows = (await whereLoans(
    db('exhibition_loans as l')
      .join('exhibitions as x', 'x.id', 'l.exhibition_id')
      .join('artworks as a', 'a.id', 'l.artwork_id')
      .leftJoin('exhibition_works as ew', (j) =>
        j.on('ew.exhibition_id', '=', 'l.exhibition_id').andOn('ew.artwork_id', '=', 'l.artwork_id'),
      ),
    by,
  )
    .orderBy('l.lent_on', 'desc')
    .orderBy('l.id', 'desc')
    .select('l.*', 'x.title as exhibition_title', 'x.venue', 'a.title as artwork_title', 'ew.catalog_number')) as Row[];
  const photos = (await joinAttachment(db('loan_photos as lp'), 'a', 'lp.attachment_hash')
    .whereIn(
      'lp.loan_id',
      rows.map((r) => Number(r.id)),
    )
    .orderBy('lp.id')
    .select('lp.loan_id', 'lp.phase', 'lp.attachment_hash', 'a.original_name')) as Row[];
  const small = await Promise.all(
    photos.map(async (p) => ({ loanId: Number(p.loan_id), phase: p.phase, photo: await smallPhoto(attachments, p) })),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    exhibitionId: Number(r.exhibition_id),
    exhibitionTitle: String(r.exhibition_title),
    venue: nonEmpty(r.venue),
    artworkId: Number(r.artwork_id),
    artworkTitle: String(r.artwork_title),
    catalogNumber: nonEmpty(r.catalog_number),
    lentOn: String(r.lent_on),
    dueOn: nonEmpty(r.due_on),
    returnedOn: nonEmpty(r.returned_on),
    insuranceCentimos: Number(r.insurance_centimos),
    conditionOut: String(r.condition_out),
    conditionBack: nonEmpty(r.condition_back),
    photosOut: small.filter((p) => p.loanId === Number(r.id) && p.phase === 'salida').map((p) => p.photo),
    photosBack: small.filter((p) => p.loanId === Number(r.id) && p.phase === 'retorno').map((p) => p.photo),
    lentBy: String(r.lent_by),
    returnedBy: nonEmpty(r.returned_by),
  }));
}

/** Whether the work is out on a loan to this exhibition (not yet returned). */
export async function hasOpenLoan(db: Knex, exhibitionId: number, artworkId: number): Promise<boolean> {
  return (
    (await db('exhibition_loans').where({ exhibition_id: exhibitionId, artwork_id: artworkId }).whereNull('returned_on').first('id')) !==
    undefined
  );
}

async function addLoanPhotos(
  db: Knex,
  loanId: number,
  phase: 'salida' | 'retorno',
  hashes: readonly string[],
  actor: Actor,
  now: string,
): Promise<void> {
  for (const hash of new Set(hashes)) {
    await db('loan_photos').insert({ loan_id: loanId, phase, attachment_hash: hash, added_at: now, added_by: actor.name });
  }
}

/** Records a loan with its (already stored) photos of the way out; answers its id. The custody ledger is the caller's. */
export async function insertLoan(
  db: Knex,
  v: { exhibitionId: number; artworkId: number; lentOn: string; dueOn: string | null; insuranceCentimos: number; conditionOut: string },
  photoHashes: readonly string[],
  actor: Actor,
  now: string,
): Promise<number> {
  const loanId = await insertId(db('exhibition_loans'), {
    exhibition_id: v.exhibitionId,
    artwork_id: v.artworkId,
    lent_on: v.lentOn,
    due_on: v.dueOn,
    insurance_centimos: v.insuranceCentimos,
    condition_out: v.conditionOut,
    lent_at: now,
    lent_by: actor.name,
  });
  await addLoanPhotos(db, loanId, 'salida', photoHashes, actor, now);
  return loanId;
}

/** Records the return of a loan still open, with its photos of the way back; false when it was already returned. */
export async function returnLoan(
  db: Knex,
  loanId: number,
  v: { returnedOn: string; conditionBack: string | null },
  photoHashes: readonly string[],
  actor: Actor,
  now: string,
): Promise<boolean> {
  const n = await db('exhibition_loans')
    .where({ id: loanId })
    .whereNull('returned_on')
    .update({ returned_on: v.returnedOn, condition_back: v.conditionBack, returned_at: now, returned_by: actor.name });
  if (n !== 1) return false;
  await addLoanPhotos(db, loanId, 'retorno', photoHashes, actor, now);
  return true;
}
