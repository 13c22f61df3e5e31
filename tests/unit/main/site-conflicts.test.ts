import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../electron/main/i18n';
import { listConflicts } from '../../../electron/main/sites/conflicts';
import { centreWithSite } from '../../helpers/centre-and-site';
import { newParticipantAt, type TestApp } from '../../helpers/services';
import type { NewPc } from '../../helpers/site-pc';

/**
 * The conflicts list at the centre and its resolution (issue 20, docs/SITES.md decision 8): a
 * participant renamed at the centre and at E.P. de Lurigancho's site since they last met is
 * listed once at the centre with both versions; the administrador keeps the site's version, the
 * centre's or a combination field by field, in one audited write; the decision travels back with
 * the next return package and the site takes it (not kept as changed there). Resolving twice, a
 * combination naming a field that does not differ, and the list at a site are refused. The centre
 * runs on SQLite, or on the office's server in the PostgreSQL tier; the site on a new SQLite file.
 */

type Row = Record<string, unknown>;

let centre: TestApp;
let pc: NewPc;
let siteRow: number;

/** Carries what `from` sends to `to` (at the centre, the site is named), and answers the report. */
async function carry(from: TestApp | NewPc, to: TestApp | NewPc, input: { siteId?: number }) {
  const sent = await from.ok('sites.writePackage', input);
  if (sent.status !== 'saved') throw new Error('not sent');
  to.nextOpen.path = sent.path;
  const read = await to.ok('sites.readPackage', {});
  if (read.status !== 'read') throw new Error('not read');
  return read;
}
const toCentre = () => carry(pc, centre, {});
const toSite = () => carry(centre, pc, { siteId: siteRow });

const namesAt = async (db: TestApp['db'], code: string) => {
  const r = (await db('participants').where({ code }).first('first_names', 'last_names', 'sort_key', 'version')) as Row;
  return { first: String(r.first_names), last: String(r.last_names), sortKey: String(r.sort_key) };
};

/** Renames a participant through participants.update, as a clerk does (the centre's administrador, the site's programas). */
async function rename(app: TestApp | NewPc, code: string, names: { firstNames?: string; lastNames?: string }) {
  const row = (await app.db('participants').where({ code }).first('id')) as Row;
  const now = await app.ok('participants.get', { id: Number(row.id) });
  await app.ok('participants.update', {
    id: Number(row.id),
    version: now.version,
    code: now.code,
    sex: now.sex,
    birthYear: now.birthYear,
    firstNames: names.firstNames ?? now.firstNames ?? '',
    lastNames: names.lastNames ?? now.lastNames ?? '',
  });
}

/** Renames at both ends, carries the site's package, and answers the open conflict of that participant. */
async function conflictOn(code: string, centreNames: { firstNames?: string; lastNames?: string }, siteNames: typeof centreNames) {
  await rename(centre, code, centreNames);
  await rename(pc, code, siteNames);
  const read = await toCentre();
  expect(read.conflicts).toBe(1);
  const list = await centre.ok('sites.conflicts', {});
  const found = list.open.filter((c) => c.record.includes(code));
  expect(found).toHaveLength(1);
  return found[0]!;
}

beforeAll(async () => {
  ({ centre, siteRow, pc } = await centreWithSite({
    prepare: async (app, at) => {
      await newParticipantAt(app, at, 'LUR-0001', 'Pedro', 'Huamán Ríos');
      await newParticipantAt(app, at, 'LUR-0002', 'Mario', 'Apaza Ccori');
      await newParticipantAt(app, at, 'LUR-0003', 'José', 'Quispe Mamani');
    },
  }));
}, 180_000);

afterAll(async () => {
  await pc?.close();
  await centre?.close();
});

describe('the conflicts list at the centre', () => {
  let conflictId: number;

  it('a participant renamed at both ends is listed once, with both versions of what differs', async () => {
    const c = await conflictOn('LUR-0001', { firstNames: 'Pedro Alberto' }, { firstNames: 'Pedro Andrés' });
    conflictId = c.id;
    expect(c).toMatchObject({
      establishmentName: 'E.P. de Lurigancho',
      what: 'Participante',
      record: 'Pedro Alberto Huamán Ríos (LUR-0001)',
      packageSeq: 1,
      resolvedAt: null,
      choice: null,
    });
    // Only what the clerk can tell apart: no gid, version, timestamps or search keys.
    expect(c.fields).toEqual([{ column: 'first_names', label: 'Nombres', centre: 'Pedro Alberto', site: 'Pedro Andrés' }]);
    expect((await centre.ok('sites.list', {}))[0]!.openConflicts).toBe(1);
    // The centre keeps its own meanwhile.
    expect((await namesAt(centre.db, 'LUR-0001')).first).toBe('Pedro Alberto');
  });

  it('is not listed nor resolved at a site', async () => {
    await expect(listConflicts(pc.db, translator('es-PE'))).rejects.toMatchObject({ key: 'sites.conflicts.notCentral' });
    expect(await pc.call('sites.resolveConflict', { conflictId, choice: 'sede' })).toMatchObject({ ok: false });
  });

  it('keeping the site’s version writes its names at the centre; a second resolution is refused, changing nothing', async () => {
    const before = await centre.db('site_changes').count({ n: '*' }).first();
    const r = await centre.ok('sites.resolveConflict', { conflictId, choice: 'sede' });
    expect(r).toMatchObject({ id: conflictId, choice: 'sede', establishmentName: 'E.P. de Lurigancho' });
    expect(await namesAt(centre.db, 'LUR-0001')).toEqual({
      first: 'Pedro Andrés',
      last: 'Huamán Ríos',
      sortKey: 'huaman rios pedro andres',
    });
    // The decision is a change of the row the next return package carries.
    const after = await centre.db('site_changes').count({ n: '*' }).first();
    expect(Number(after!.n)).toBeGreaterThan(Number(before!.n));
    const audit = (await centre.db('audit_log').where({ channel: 'sites.resolveConflict' })) as Row[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'siteConflict', action: 'resolve', user_name: expect.stringMatching(/Administrador/) });

    const again = await centre.call('sites.resolveConflict', { conflictId, choice: 'centro' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('ya fue resuelto') } });
    expect((await namesAt(centre.db, 'LUR-0001')).first).toBe('Pedro Andrés');
    const list = await centre.ok('sites.conflicts', {});
    expect(list.open).toEqual([]);
    expect(list.resolved[0]).toMatchObject({ id: conflictId, choice: 'sede', resolvedBy: expect.stringMatching(/Administrador/) });
    expect((await centre.ok('sites.list', {}))[0]!.openConflicts).toBe(0);
  });

  it('keeping the centre’s version: the return package brings its names to the site, which no longer differs', async () => {
    const c = await conflictOn('LUR-0002', { firstNames: 'Mario Alberto' }, { firstNames: 'Mario Andrés' });
    // While it is open, packages go both ways: the row waits (the site keeps its own) and the site acknowledges the centre's log past its rename.
    await toSite();
    expect((await namesAt(pc.db, 'LUR-0002')).first).toBe('Mario Andrés');
    expect((await toCentre()).conflicts).toBe(0);
    await centre.ok('sites.resolveConflict', { conflictId: c.id, choice: 'centro' });
    expect((await namesAt(centre.db, 'LUR-0002')).first).toBe('Mario Alberto');
    const back = await toSite();
    expect(back.conflicts).toBe(0);
    expect((await namesAt(pc.db, 'LUR-0002')).first).toBe('Mario Alberto');
    expect(await namesAt(pc.db, 'LUR-0001')).toEqual(await namesAt(centre.db, 'LUR-0001'));
    // The site's next package: nothing left to disagree on.
    const next = await toCentre();
    expect(next.conflicts).toBe(0);
    expect((await centre.ok('sites.conflicts', {})).open).toEqual([]);
    expect((await namesAt(centre.db, 'LUR-0002')).first).toBe('Mario Alberto');
  });

  it('a combination keeps each field from the side chosen; a field that does not differ is refused beside it', async () => {
    const c = await conflictOn(
      'LUR-0003',
      { firstNames: 'José Luis', lastNames: 'Quispe Mamani de Ríos' },
      { firstNames: 'José Carlos', lastNames: 'Quispe Mamani' },
    );
    expect(c.fields.map((f) => [f.label, f.centre, f.site])).toEqual([
      ['Nombres', 'José Luis', 'José Carlos'],
      ['Apellidos', 'Quispe Mamani de Ríos', 'Quispe Mamani'],
    ]);
    const wrong = await centre.call('sites.resolveConflict', { conflictId: c.id, choice: 'combinado', fields: { code: 'sede' } });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'fields.code': expect.stringContaining('no difiere') } },
    });
    expect((await centre.ok('sites.conflicts', {})).open.map((o) => o.id)).toEqual([c.id]);
    expect((await namesAt(centre.db, 'LUR-0003')).first).toBe('José Luis');

    await centre.ok('sites.resolveConflict', {
      conflictId: c.id,
      choice: 'combinado',
      fields: { first_names: 'sede', last_names: 'centro' },
    });
    expect(await namesAt(centre.db, 'LUR-0003')).toEqual({
      first: 'José Carlos',
      last: 'Quispe Mamani de Ríos',
      sortKey: 'quispe mamani de rios jose carlos',
    });
    await toSite();
    expect(await namesAt(pc.db, 'LUR-0003')).toEqual(await namesAt(centre.db, 'LUR-0003'));
  });
});
