import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationItem, NotificationKind, NotificationList } from '../../../shared/notifications/schemas';
import {
  readingContext,
  scheduleDesktopSummaries,
  summariseNew,
  type SummaryDeps,
  type Timers,
} from '../../../electron/main/notifications/desktop';
import { remindersOf } from '../../../electron/main/notifications/reminders';
import { recordBackupFailure } from '../../../electron/main/backups/for-notifications';
import { ensureDailyBackup } from '../../../electron/main/backups/store';
import { budget, signedContract, teacher } from '../../helpers/contracts';
import { onPostgres } from '../../helpers/pg';
import { handOver, newStaffMember, newViolin, TEST_PASSWORD, testApp, validEstablishment, type TestApp } from '../../helpers/services';

/**
 * The notifications centre (issue 16, item 3): each reminder comes from its domain with the
 * record it opens; "por vencer" and "past months" follow Lima's calendar across month ends;
 * a role sees only its kinds and its establishments; a muted kind leaves the bell and the
 * desktop summary; the desktop summary tells only new reminders, at most once a day.
 *
 * The data is written through the channels (today's real date); the reminders are read at
 * chosen instants of 2027 (UTC; Lima is UTC−5).
 */

/** A Lima wall-clock time as the UTC instant it is. */
const lima = (day: string, time = '12:00') => new Date(`${day}T${time}:00-05:00`).toISOString();

let app: TestApp;
let baseId: number;
let otherId: number;
let contractId: number;
let teacherId: number;
let partnerId: number;
let instrumentId: number;
let itemId: number;
const shown: Array<{ title: string; body: string }> = [];

const deps = (): SummaryDeps => ({
  db: app.db,
  session: app.session,
  platform: app.platform,
  attachments: app.attachments,
  jobs: app.jobs,
});
const at = (now: string): Promise<NotificationList> => remindersOf(readingContext(deps(), now));
const ofKind = (list: NotificationList, kind: NotificationKind): NotificationItem[] => list.items.filter((i) => i.kind === kind);

beforeEach(async () => {
  app = await testApp();
  shown.length = 0;
  app.platform.notify = (title, body) => void shown.push({ title, body });
  baseId = (await app.ok('establishments.create', validEstablishment({ code: 'EP-BASE-01', name: 'E.P. Base' }))).id;
  otherId = (await app.ok('establishments.create', validEstablishment({ code: 'EP-OTRO-01', name: 'E.P. Otro' }))).id;
  // A contract and an entry authorisation that both end on 31/03/2027, at E.P. Base.
  teacherId = (await teacher(app.ok)).id;
  await app.ok('teachers.saveAuthorisation', {
    teacherId,
    establishmentId: baseId,
    validFrom: '2026-01-01',
    validTo: '2027-03-31',
    documentNumber: 'Oficio N° 101-2026-INPE/OGT',
  });
  await budget(app.ok, 2027);
  contractId = (
    await signedContract(app.ok, teacherId, baseId, { number: 'OS N° 0007-2027', startDate: '2027-01-01', endDate: '2027-03-31' })
  ).id;
  // An agreement ending 30/04/2027 (60 days ahead from 01/03).
  partnerId = (await app.ok('partners.create', { name: 'Municipalidad Metropolitana de Lima', type: 'sector_publico' })).id;
  await app.ok('agreements.create', {
    partnerId,
    title: 'Arte sin Barreras',
    object: 'Puestas en escena',
    startDate: '2026-01-01',
    endDate: '2027-04-30',
  });
  // A violin handed to a staff member of E.P. Base, due back on 28/02/2027.
  const violin = await app.ok('instruments.create', newViolin('INS-0001', baseId));
  instrumentId = violin.id;
  const staff = await newStaffMember(app, baseId);
  await app.ok('instruments.move', { instrumentIds: [violin.id], movement: handOver('personal', staff.id, '2026-11-02', '2027-02-28') });
  // Strings below their minimum at E.P. Base.
  const item = await app.ok('consumables.createItem', { name: 'Cuerdas de violín', unit: 'juego', category: 'musica' });
  itemId = item.id;
  await app.ok('consumables.setMinimum', { itemId, establishmentId: baseId, minimum: 5 });
});
afterEach(() => app.close());

describe('each rule gives its reminder, with the record it opens', () => {
  it('on 01/03/2027 (Lima) every kind is there', async () => {
    const list = await at(lima('2027-03-01', '00:30'));
    expect(ofKind(list, 'contractExpiring')).toEqual([
      expect.objectContaining({ label: 'OS N° 0007-2027', date: '2027-03-31', days: 30, target: { page: 'contract', id: contractId } }),
    ]);
    expect(ofKind(list, 'authorisationExpiring')).toEqual([
      expect.objectContaining({ detail: 'E.P. Base', date: '2027-03-31', days: 30, target: { page: 'teacher', id: teacherId } }),
    ]);
    expect(ofKind(list, 'conformityMissing').map((i) => [i.date, i.days, i.target])).toEqual([
      ['2027-01', 29, { page: 'contract', id: contractId }],
      ['2027-02', 1, { page: 'contract', id: contractId }],
    ]);
    expect(ofKind(list, 'agreementExpiring')).toEqual([
      expect.objectContaining({ label: 'Arte sin Barreras', days: 60, target: { page: 'partner', id: partnerId } }),
    ]);
    expect(ofKind(list, 'custodyOverdue')).toEqual([
      expect.objectContaining({ date: '2027-02-28', days: 1, target: { page: 'instrument', id: instrumentId } }),
    ]);
    expect(ofKind(list, 'consumableLow')).toEqual([
      expect.objectContaining({ label: 'Cuerdas de violín', target: { page: 'consumables', id: baseId } }),
    ]);
    if (onPostgres()) expect(ofKind(list, 'backupOverdue')).toEqual([]);
    else
      expect(ofKind(list, 'backupOverdue')).toEqual([expect.objectContaining({ reason: 'never', target: { page: 'backups', id: null } })]);
    expect(list.count).toBe(list.items.length);
    expect(list.today).toBe('2027-03-01');
  });

  it('one minute before midnight of 28/02/2027 in Lima (already March in UTC) it is still February', async () => {
    const list = await at(lima('2027-02-28', '23:59'));
    expect(list.today).toBe('2027-02-28');
    expect(ofKind(list, 'contractExpiring')).toEqual([]); // ends 31/03: 31 days ahead
    expect(ofKind(list, 'authorisationExpiring')).toEqual([]);
    expect(ofKind(list, 'agreementExpiring')).toEqual([]); // 61 days ahead
    expect(ofKind(list, 'custodyOverdue')).toEqual([]); // due today, not late
    expect(ofKind(list, 'conformityMissing').map((i) => [i.date, i.days])).toEqual([['2027-01', 28]]);
  });

  it('a month is missing its conformity only once it is over (31/01 → 01/02)', async () => {
    expect(ofKind(await at(lima('2027-01-31', '23:00')), 'conformityMissing')).toEqual([]);
    expect(ofKind(await at(lima('2027-02-01', '00:00')), 'conformityMissing').map((i) => [i.date, i.days])).toEqual([['2027-01', 1]]);
  });

  it('a leap year: on 29/02/2028 a contract ending 30/03/2028 is 30 days ahead', async () => {
    await budget(app.ok, 2028);
    const c = await signedContract(app.ok, teacherId, otherId, {
      number: 'OS N° 0001-2028',
      startDate: '2028-01-01',
      endDate: '2028-03-30',
    });
    expect(ofKind(await at(lima('2028-02-28')), 'contractExpiring').map((i) => i.target.id)).not.toContain(c.id);
    expect(ofKind(await at(lima('2028-02-29')), 'contractExpiring')).toEqual([
      expect.objectContaining({ label: 'OS N° 0001-2028', days: 30, target: { page: 'contract', id: c.id } }),
    ]);
  });

  it.skipIf(onPostgres())('the backup: more than two days old, or the last automatic attempt failed', async () => {
    const { attachmentsDir, backupDir } = app.platform.paths;
    const made = new Date();
    await ensureDailyBackup({ db: app.db, attachmentsDir, backupDir, appVersion: '0.0.0-test', now: made.toISOString() });
    const old = ofKind(await at(new Date(made.getTime() + 49 * 3600_000).toISOString()), 'backupOverdue');
    expect(old).toEqual([expect.objectContaining({ reason: 'old', days: 2, target: { page: 'backups', id: null } })]);
    expect(ofKind(await at(new Date(made.getTime() + 47 * 3600_000).toISOString()), 'backupOverdue')).toEqual([]);
    recordBackupFailure(app.platform.paths.backupDir, new Date(made.getTime() + 3600_000).toISOString());
    expect(ofKind(await at(new Date(made.getTime() + 2 * 3600_000).toISOString()), 'backupOverdue')).toEqual([
      expect.objectContaining({ reason: 'failed' }),
    ]);
  });
});

describe("a user sees only their role's kinds and their establishments", () => {
  it('the inventory clerk of another establishment sees neither contracts nor E.P. Base’s hand-overs', async () => {
    await app.signInAs('inventario', { establishmentIds: [otherId] });
    const list = (await app.ok('notifications.list', {})) as NotificationList;
    expect(list.kinds.map((k) => k.kind)).toEqual(['custodyOverdue', 'consumableLow']);
    expect(list.count).toBe(0);
    // At E.P. Base the same role sees the strings (the hand-over is due in 2027).
    await app.signInAs('inventario', { establishmentIds: [baseId] });
    const base = await at(lima('2027-03-01'));
    expect(base.items.map((i) => i.kind)).toEqual(['custodyOverdue', 'consumableLow']);
  });

  it('the contracts officer sees contracts, authorisations and conformities, not the backup', async () => {
    await app.signInAs('contratos', { establishmentIds: [otherId] });
    const other = await at(lima('2027-03-01'));
    expect(other.kinds.map((k) => k.kind)).toEqual(['contractExpiring', 'authorisationExpiring', 'conformityMissing']);
    expect(other.count).toBe(0);
    await app.signInAs('contratos', { establishmentIds: [baseId] });
    expect((await at(lima('2027-03-01'))).count).toBe(4);
  });
});

describe('muting a kind', () => {
  it('takes it out of the count and the list, and hearing it again brings it back', async () => {
    const before = await at(lima('2027-03-01'));
    await app.ok('notifications.setMuted', { kind: 'conformityMissing', muted: true });
    const after = await at(lima('2027-03-01'));
    expect(after.count).toBe(before.count - 2);
    expect(ofKind(after, 'conformityMissing')).toEqual([]);
    expect(after.kinds.find((k) => k.kind === 'conformityMissing')).toEqual({ kind: 'conformityMissing', total: 2, muted: true });
    await app.ok('notifications.setMuted', { kind: 'conformityMissing', muted: false });
    expect((await at(lima('2027-03-01'))).count).toBe(before.count);
  });

  it('is per user and leaves an audit entry', async () => {
    await app.ok('notifications.setMuted', { kind: 'consumableLow', muted: true });
    await app.signInAs('inventario');
    expect((await app.ok('notifications.list', {})).kinds.find((k) => k.kind === 'consumableLow')?.muted).toBe(false);
    const log = await app.db('audit_log').where({ channel: 'notifications.setMuted' }).select('action');
    expect(log).toEqual([{ action: 'mute' }]);
  });

  it('is refused in Spanish when the kind or the choice is not valid', async () => {
    const r = await app.call('notifications.setMuted', { kind: 'recordatorios' as never, muted: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Revise los campos marcados.', fields: { kind: 'Elija una de las opciones.' } },
    });
    const r2 = await app.call('notifications.setMuted', { kind: 'consumableLow' } as never);
    expect(r2).toMatchObject({ ok: false, error: { fields: { muted: 'Este campo es obligatorio.' } } });
  });
});

describe('the desktop summary', () => {
  it('tells the new reminders once, in one notification, and leaves muted kinds out', async () => {
    await app.ok('notifications.setMuted', { kind: 'agreementExpiring', muted: true });
    const first = await summariseNew(deps(), lima('2027-03-01', '08:00'));
    expect(shown).toHaveLength(1);
    expect(first?.keys.some((k) => k.startsWith('agreement:'))).toBe(false);
    expect(shown[0]!.title).toBe(`ArteINPE: ${first!.keys.length} avisos nuevos`);
    expect(shown[0]!.body).toContain('1 contrato por vencer');
    expect(shown[0]!.body).toContain('2 conformidades pendientes de meses pasados');
    expect(shown[0]!.body).not.toContain('convenio');
    // Later the same day: nothing more, even with a new reminder.
    await app.ok('consumables.setMinimum', { itemId, establishmentId: otherId, minimum: 3 });
    expect(await summariseNew(deps(), lima('2027-03-01', '18:00'))).toBeNull();
    // The next day: only what is new.
    const next = await summariseNew(deps(), lima('2027-03-02', '08:00'));
    expect(next?.keys).toEqual([`consumable:${itemId}:${otherId}`]);
    expect(shown[1]).toEqual({ title: 'ArteINPE: 1 aviso nuevo', body: '1 consumible bajo el mínimo' });
    // And the day after, nothing new: no notification at all.
    expect(await summariseNew(deps(), lima('2027-03-03', '08:00'))).toBeNull();
    expect(shown).toHaveLength(2);
  });

  it('is not shown while the session is locked, and is in the user’s language', async () => {
    await app.ok('auth.lock', {});
    expect(await summariseNew(deps(), lima('2027-03-01'))).toBeNull();
    expect(shown).toEqual([]);
    await app.ok('auth.unlock', { password: TEST_PASSWORD });
    await app.ok('app.setLocale', { locale: 'en' });
    await summariseNew(deps(), lima('2027-03-01'));
    expect(shown[0]!.body).toContain('1 contract about to expire');
  });

  it('is shown at start-up and then once a day by the schedule (fake clock and timers), never signed out', async () => {
    let now = Date.parse(lima('2027-03-01', '08:00'));
    const pending: Array<() => void> = [];
    const timers: Timers = {
      setTimeout: (fn) => pending.push(fn),
      setInterval: (fn) => pending.push(fn),
      clearTimeout: () => undefined,
      clearInterval: () => undefined,
    };
    const errors: unknown[] = [];
    let checked: (shown: unknown) => void = () => undefined;
    const stop = scheduleDesktopSummaries({
      deps: deps(),
      clock: () => now,
      timers,
      onError: (e) => errors.push(e),
      onChecked: (s) => checked(s),
    });
    const [first, every] = pending as [() => void, () => void];
    /** Fires a timer and answers what its check showed. */
    const fire = (fn: () => void) => new Promise((resolve) => ((checked = resolve), fn()));
    expect(await fire(first)).not.toBeNull();
    expect(shown).toHaveLength(1);
    expect(await fire(every)).toBeNull();
    now = Date.parse(lima('2027-03-02', '09:00'));
    await app.ok('consumables.setMinimum', { itemId, establishmentId: otherId, minimum: 3 });
    expect(await fire(every)).toMatchObject({ keys: [`consumable:${itemId}:${otherId}`] });
    expect(shown).toHaveLength(2);
    // Signed out: nothing.
    await app.signInAs(null);
    now = Date.parse(lima('2027-03-05', '09:00'));
    expect(await fire(every)).toBeNull();
    expect(shown).toHaveLength(2);
    expect(errors).toEqual([]);
    stop();
  });
});
