import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { artFamilies, isArtFamily } from '../../../shared/inventory/rules';
import {
  createChorrillos,
  appWithDemo,
  appWithLurigancho,
  newEnsembleAt,
  newParticipantAt,
  newViolin,
  type TestApp,
} from '../../helpers/services';
import { refusedUnchanged } from '../../helpers/refused';

/**
 * Art equipment (issue 15, item 6): the ceramics and plastic-arts workshops' kilns, wheels,
 * easels and tools are registered, moved, counted and labelled as instruments are, and are
 * never an ensemble member's part. Through the real channel handlers; runs on SQLite and,
 * with ARTEINPE_TEST_PG, PostgreSQL.
 */

let app: TestApp, lur: number;

beforeEach(async () => {
  ({ app, est: lur } = await appWithLurigancho());
});
afterEach(() => app.close());

const KILN = 'Horno cerámico de alta temperatura';
const typeNamed = async (name: string) => (await app.ok('instrumentTypes.list', {})).find((t) => t.name === name)!;
const text = (path: string) => execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');

describe('art equipment in the inventory', () => {
  it('a kiln is registered, dispatched, counted in a stocktake, labelled and reported under «Equipos de cerámica»', async () => {
    const cho = await createChorrillos(app);
    const kilnType = await typeNamed(KILN);
    expect(kilnType).toMatchObject({ family: 'equipo_ceramica', active: true });
    const kiln = await app.ok(
      'instruments.create',
      newViolin('HORNO-001', null, { typeId: kilnType.id, brand: 'Nabertherm', costCentimos: 2_450_000, altaDate: '2026-02-10' }),
    );
    expect(kiln).toMatchObject({ typeName: KILN, family: 'equipo_ceramica', status: 'en_almacen', establishmentId: null });

    // From the central warehouse to Lurigancho, then transferred to Chorrillos in two steps with an acta.
    await app.ok('instruments.move', {
      instrumentIds: [kiln.id],
      movement: { kind: 'asignacion', toEstablishmentId: lur, date: '2026-02-20', documentNumber: 'PECOSA-0101' },
    });
    await app.ok('instruments.move', {
      instrumentIds: [kiln.id],
      movement: { kind: 'despacho', toEstablishmentId: cho, date: '2026-03-02', documentNumber: 'ACTA-TR-7', person: 'Rosa Huamán' },
    });
    await app.ok('instruments.move', {
      instrumentIds: [kiln.id],
      movement: { kind: 'recepcion', person: 'Luis Quispe', condition: 'bueno', date: '2026-03-05' },
    });
    const there = await app.ok('instruments.get', { id: kiln.id });
    expect(there).toMatchObject({ status: 'asignado', establishmentName: 'E.P. de Chorrillos', condition: 'bueno', movementCount: 4 });
    // The ledger, newest first.
    expect((await app.ok('instruments.history', { id: kiln.id })).map((m) => m.kind)).toEqual([
      'recepcion',
      'despacho',
      'asignacion',
      'alta',
    ]);

    // The list's family filter finds it, and only it.
    const ceramics = await app.ok('instruments.list', { family: 'equipo_ceramica' });
    expect(ceramics.rows.map((i) => i.code)).toEqual(['HORNO-001']);

    // Counted at Chorrillos: found, with its type; the stocktake closes with nothing to record.
    const st = await app.ok('stocktakes.open', { establishmentId: cho });
    expect(await app.ok('stocktakes.count', { id: st.id, code: 'horno-001' })).toMatchObject({
      result: 'found',
      line: { code: 'HORNO-001', typeName: KILN, registeredEstablishmentName: 'E.P. de Chorrillos' },
    });
    const detail = await app.ok('stocktakes.get', { id: st.id });
    expect(detail).toMatchObject({ expected: 1, missing: [], elsewhere: [], unknown: [], planned: [] });
    expect(await app.ok('stocktakes.close', { id: st.id, actaNumber: 'AIF-2026-001', date: '2026-03-10', confirm: true })).toMatchObject({
      movements: 0,
      stocktake: { status: 'cerrado', counted: 1 },
    });
    const acta = await app.ok('stocktakes.acta', { id: st.id });
    if (acta.status !== 'saved') throw new Error('cancelled');
    expect(text(acta.path)).toContain('HORNO-001');

    // Its label names its code, type and establishment.
    const labels = await app.ok('inventory.labels', { instrumentIds: [kiln.id], symbology: 'qr' });
    if (labels.status !== 'saved') throw new Error('cancelled');
    const label = text(labels.path).replace(/\s+/g, ' ');
    expect(label).toContain('HORNO-001');
    expect(label).toContain('Horno cerámico');
    expect(label).toContain('E.P. de Chorrillos');

    // The inventory of the establishment totals it under its family, beside the instruments.
    await app.ok('instruments.create', newViolin('VIO-001', cho));
    const pdf = await app.ok('inventory.reportByEstablishment', { establishmentId: cho, format: 'pdf' });
    if (pdf.status !== 'saved') throw new Error('cancelled');
    const t = text(pdf.path);
    expect(t).toMatch(/Equipos de cerámica\s+1\s+S\/\s?24,500\.00/);
    expect(t).toMatch(/Cuerdas frotadas\s+1\s+S\/\s?850\.00/);
    const xlsx = await app.ok('inventory.reportByEstablishment', { establishmentId: cho, format: 'xlsx' });
    if (xlsx.status !== 'saved') throw new Error('cancelled');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    const rows = wb
      .getWorksheet('Resumen')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['Equipos de cerámica', 1, 24500]);
    expect(rows).toContainEqual(['Total', 2, 25350]);
  }, 60_000);
});

describe('an ensemble member’s part is never art equipment', () => {
  const refused = (call: () => ReturnType<TestApp['call']>) => refusedUnchanged(app, call);

  it('the list offers the musical instruments only, and main refuses an art equipment type in Spanish, writing nothing', async () => {
    const offered = await app.ok('ensembles.partTypes', {});
    expect(offered.length).toBeGreaterThan(20);
    expect(offered.filter((t) => isArtFamily(t.family))).toEqual([]);
    expect(offered.map((t) => t.name)).toContain('Trompeta');
    const art = (await app.ok('instrumentTypes.list', {})).filter((t) => isArtFamily(t.family));
    expect(new Set(art.map((t) => t.family))).toEqual(new Set(artFamilies));

    const kiln = await typeNamed(KILN);
    const easel = await typeNamed('Caballete');
    const band = await newEnsembleAt(app, lur);
    const juan = await newParticipantAt(app, lur, 'PPL-0001');
    const message = { partTypeId: 'Un equipo de arte no es una parte: elija un instrumento musical o una voz.' };
    expect(
      (
        await refused(() =>
          app.call('enrolments.create', { ensembleId: band.id, participantIds: [juan.id], date: '2026-03-02', partTypeId: kiln.id }),
        )
      ).fields,
    ).toEqual(message);

    // A member's own dialog: the same refusal.
    const { enrolments } = await app.ok('enrolments.create', {
      ensembleId: band.id,
      participantIds: [juan.id],
      date: '2026-03-02',
      partTypeId: (await typeNamed('Trompeta')).id,
    });
    const e = enrolments[0]!;
    expect(
      (
        await refused(() =>
          app.call('enrolments.setStage', { id: e.id, version: e.version, stage: 'activo', date: '2026-03-09', partTypeId: easel.id }),
        )
      ).fields,
    ).toEqual(message);

    // A part typed before the list, linked by a clerk: an easel is refused too.
    await app.db('enrolments').where({ id: e.id }).update({ part: 'Caballete', part_type_id: null, part_voice: null });
    await app
      .db('ensemble_part_reviews')
      .insert({ enrolment_id: e.id, original_text: 'Caballete', status: 'pendiente', created_at: '2026-12-04T15:00:00.000Z' });
    const [review] = await app.ok('ensembles.partReviews', {});
    expect((await refused(() => app.call('ensembles.linkPart', { id: review!.id, partTypeId: easel.id }))).fields).toEqual(message);
    expect(await app.ok('ensembles.linkPart', { id: review!.id, partVoice: 'tenor' })).toMatchObject({ status: 'vinculado' });
  });
});

describe('the demonstration’s art equipment', () => {
  it('sits only where a ceramics or plastic-arts workshop runs (or in the central warehouse), held by no one; the instruments are all musical', async () => {
    await app.close();
    app = await appWithDemo();
    const workshops = (await app.db('workshops').where({ active: true }).select('establishment_id', 'programme')) as Array<{
      establishment_id: number;
      programme: string;
    }>;
    const ceramicsAt = new Set(workshops.filter((w) => w.programme === 'ceramica').map((w) => Number(w.establishment_id)));
    const paintingAt = new Set(workshops.filter((w) => w.programme === 'artes_plasticas').map((w) => Number(w.establishment_id)));
    expect(ceramicsAt.size).toBeGreaterThan(0);
    expect(paintingAt.size).toBeGreaterThan(0);

    const all: Array<Awaited<ReturnType<typeof listPage>>['rows'][number]> = [];
    async function listPage(page: number) {
      return app.ok('instruments.list', { page, pageSize: 100 });
    }
    for (let page = 1; ; page++) {
      const p = await listPage(page);
      all.push(...p.rows);
      if (all.length >= p.total) break;
    }
    const art = all.filter((i) => isArtFamily(i.family));
    const music = all.filter((i) => !isArtFamily(i.family));
    expect(music).toHaveLength(140);
    expect(art.length).toBeGreaterThanOrEqual(ceramicsAt.size * 7 + paintingAt.size * 6);

    for (const i of art) {
      expect(i.custodianType).toBeNull();
      expect(['en_almacen', 'asignado']).toContain(i.status);
      if (i.status === 'asignado') {
        const at = i.establishmentId!;
        expect(i.family === 'equipo_artes_plasticas' || i.typeName === 'Juego de espátulas' ? paintingAt.has(at) : ceramicsAt.has(at)).toBe(
          true,
        );
      } else expect(i.establishmentId).toBeNull();
    }
    // Each ceramics workshop's establishment has one kiln and two to four potter's wheels.
    for (const at of ceramicsAt) {
      const here = art.filter((i) => i.establishmentId === at);
      expect(here.filter((i) => i.typeName === KILN)).toHaveLength(1);
      expect(here.filter((i) => i.typeName === 'Torno de alfarero').length).toBeGreaterThanOrEqual(2);
      expect(here.filter((i) => i.typeName === 'Torno de alfarero').length).toBeLessThanOrEqual(4);
    }
    for (const at of paintingAt)
      expect(art.filter((i) => i.establishmentId === at && i.typeName === 'Caballete').length).toBeGreaterThanOrEqual(3);
    // Each is in the ledger (newest first): its alta, then its assignment to the establishment.
    const kiln = art.find((i) => i.typeName === KILN)!;
    expect((await app.ok('instruments.history', { id: kiln.id })).map((m) => [m.kind, m.toEstablishmentName])).toEqual([
      ['asignacion', kiln.establishmentName],
      ['alta', null],
    ]);
    // Never anyone's hand-over, and never a member's part.
    const handed = (await app.db('instrument_movements').where({ kind: 'entrega' }).pluck('instrument_id')) as number[];
    expect(art.filter((i) => handed.includes(i.id))).toEqual([]);
  }, 120_000);
});
