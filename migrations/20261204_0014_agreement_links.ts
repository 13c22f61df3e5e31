import type { Knex } from 'knex';

/**
 * Agreements and what they produced (issue 15, item 5).
 *
 * - `events.agreement_id`, `exhibitions.agreement_id`, `partner_donations.agreement_id`: the
 *   agreement under which the event, the exhibition or the donation happened (optional).
 * - `instruments.donation_id`: the partner's donation a donated instrument came from (its
 *   funding source); the partner is the donation's.
 *
 * Plain integer columns (no foreign key), so SQLite adds them without rebuilding the tables
 * and their append-only triggers; the application checks every id it writes.
 *
 * The data already entered is carried over here, with its own matching (a migration never
 * imports code that may change after it lands): an event, an exhibition or a donation whose
 * partners have exactly one agreement in force on its date (or, among several, exactly one
 * whose title is the event's or the exhibition's) names it; a donated instrument whose
 * supplier, as typed, is exactly one partner's name with exactly one donation names that
 * donation. The rest stay unlinked; every text stays as it was typed. Frozen once landed.
 */

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

type Row = Record<string, unknown>;

interface AgreementRow {
  id: number;
  partnerId: number;
  key: string;
  start: string;
  end: string | null;
}

const DONATIONS = 'partner_donations';

/** The agreement these partners had in force on `date` — the one, or the one titled `title`. */
function agreementOf(all: AgreementRow[], partnerIds: number[], date: string | null, title: string | null): number | null {
  const inForce = all.filter(
    (a) => partnerIds.includes(a.partnerId) && (date === null || (a.start <= date && (a.end === null || a.end >= date))),
  );
  if (inForce.length === 1) return inForce[0]!.id;
  if (title === null) return null;
  const named = inForce.filter((a) => a.key === fold(title));
  return named.length === 1 ? named[0]!.id : null;
}

/** The donation ledger's append-only triggers, dropped for the carry-over and made again. */
async function donationTriggers(knex: Knex, on: boolean): Promise<void> {
  const refusal = `${DONATIONS} is append-only`;
  if (knex.client.config.client === 'pg') {
    await knex.raw(`DROP TRIGGER IF EXISTS ${DONATIONS}_append_only ON ${DONATIONS}`);
    if (on) {
      await knex.raw(
        `CREATE TRIGGER ${DONATIONS}_append_only BEFORE UPDATE OR DELETE ON ${DONATIONS} FOR EACH ROW EXECUTE FUNCTION arteinpe_append_only()`,
      );
    }
    return;
  }
  await knex.raw(`DROP TRIGGER IF EXISTS ${DONATIONS}_no_update`);
  await knex.raw(`DROP TRIGGER IF EXISTS ${DONATIONS}_no_delete`);
  if (on) {
    await knex.raw(`CREATE TRIGGER ${DONATIONS}_no_update BEFORE UPDATE ON ${DONATIONS} BEGIN SELECT RAISE(ABORT, '${refusal}'); END`);
    await knex.raw(`CREATE TRIGGER ${DONATIONS}_no_delete BEFORE DELETE ON ${DONATIONS} BEGIN SELECT RAISE(ABORT, '${refusal}'); END`);
  }
}

export async function up(knex: Knex): Promise<void> {
  for (const table of ['events', 'exhibitions', DONATIONS]) {
    await knex.schema.alterTable(table, (t) => {
      t.integer('agreement_id').nullable();
      t.index(['agreement_id']);
    });
  }
  await knex.schema.alterTable('instruments', (t) => {
    t.integer('donation_id').nullable();
    t.index(['donation_id']);
  });
  await carryOver(knex);
}

async function partnersBy(knex: Knex, table: string, key: string): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const r of (await knex(table).select(key, 'partner_id')) as Row[]) {
    out.set(Number(r[key]), [...(out.get(Number(r[key])) ?? []), Number(r.partner_id)]);
  }
  return out;
}

async function carryOver(knex: Knex): Promise<void> {
  const agreements: AgreementRow[] = (
    (await knex('agreements').select('id', 'partner_id', 'title', 'start_date', 'end_date')) as Row[]
  ).map((r) => ({
    id: Number(r.id),
    partnerId: Number(r.partner_id),
    key: fold(String(r.title)),
    start: String(r.start_date),
    end: r.end_date == null ? null : String(r.end_date),
  }));

  const eventPartners = await partnersBy(knex, 'event_partners', 'event_id');
  for (const e of (await knex('events').select('id', 'date', 'title')) as Row[]) {
    const id = agreementOf(agreements, eventPartners.get(Number(e.id)) ?? [], String(e.date), String(e.title));
    if (id !== null)
      await knex('events')
        .where({ id: Number(e.id) })
        .update({ agreement_id: id });
  }

  const exhibitionPartners = await partnersBy(knex, 'exhibition_partners', 'exhibition_id');
  for (const x of (await knex('exhibitions').select('id', 'starts_on', 'title')) as Row[]) {
    const date = x.starts_on == null ? null : String(x.starts_on);
    const id = agreementOf(agreements, exhibitionPartners.get(Number(x.id)) ?? [], date, String(x.title));
    if (id !== null)
      await knex('exhibitions')
        .where({ id: Number(x.id) })
        .update({ agreement_id: id });
  }

  const donations = (await knex(DONATIONS).select('id', 'partner_id', 'date')) as Row[];
  const linked = donations
    .map((d) => ({ id: Number(d.id), agreementId: agreementOf(agreements, [Number(d.partner_id)], String(d.date), null) }))
    .filter((d) => d.agreementId !== null);
  if (linked.length) {
    await donationTriggers(knex, false);
    for (const d of linked) await knex(DONATIONS).where({ id: d.id }).update({ agreement_id: d.agreementId });
    await donationTriggers(knex, true);
  }

  // A donated instrument whose supplier is a partner's name, with that partner's only donation.
  const partners = new Map<string, number[]>();
  for (const p of (await knex('partners').select('id', 'name')) as Row[]) {
    const k = fold(String(p.name));
    partners.set(k, [...(partners.get(k) ?? []), Number(p.id)]);
  }
  const donationsOf = new Map<number, number[]>();
  for (const d of donations) donationsOf.set(Number(d.partner_id), [...(donationsOf.get(Number(d.partner_id)) ?? []), Number(d.id)]);
  for (const i of (await knex('instruments')
    .whereIn('funding', ['donacion', 'aliado'])
    .whereNotNull('supplier')
    .select('id', 'supplier')) as Row[]) {
    const ids = partners.get(fold(String(i.supplier))) ?? [];
    const given = ids.length === 1 ? (donationsOf.get(ids[0]!) ?? []) : [];
    if (given.length === 1)
      await knex('instruments')
        .where({ id: Number(i.id) })
        .update({ donation_id: given[0]! });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('instruments', (t) => {
    t.dropIndex(['donation_id']);
    t.dropColumn('donation_id');
  });
  for (const table of ['events', 'exhibitions', DONATIONS]) {
    await knex.schema.alterTable(table, (t) => {
      t.dropIndex(['agreement_id']);
      t.dropColumn('agreement_id');
    });
  }
  // SQLite drops a column by rebuilding the table, without its triggers: made again.
  await donationTriggers(knex, true);
}
