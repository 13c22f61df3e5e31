import type { Knex } from 'knex';
import type { PersonalDataExport } from '../../../../shared/privacy/schemas';
import type { Page } from '../../../../shared/ipc';
import { type Row, toCount } from '../../db/rows';
import { onePage } from '../../db/paging';

/** The log of exports with personal data (personal_data_exports, append-only): privacy/personal-data.ts decides what is logged. */

/** Appends one entry to the log of exports with personal data. */
export async function insertPersonalDataExport(
  db: Knex,
  e: { at: string; userId: string; userName: string; channel: string; what: string; reason: string; rows: number; fileName: string },
): Promise<void> {
  await db('personal_data_exports').insert({
    at: e.at,
    user_id: e.userId,
    user_name: e.userName,
    channel: e.channel,
    what: e.what,
    reason: e.reason,
    rows: e.rows,
    file_name: e.fileName,
  });
}

/** The log of exports with personal data, newest first (the audit viewer's page). */
export async function listPersonalDataExports(db: Knex, page: number, pageSize: number): Promise<Page<PersonalDataExport>> {
  const [count] = await db('personal_data_exports').count({ n: '*' });
  const rows = (await onePage(db('personal_data_exports').orderBy('id', 'desc'), { page, pageSize }).select('*')) as Row[];
  return {
    rows: rows.map((r) => ({
      id: Number(r.id),
      at: String(r.at),
      userId: String(r.user_id),
      userName: String(r.user_name),
      channel: String(r.channel),
      what: String(r.what),
      reason: String(r.reason),
      rows: Number(r.rows),
      fileName: String(r.file_name),
    })),
    total: toCount(count),
    page,
    pageSize,
  };
}
