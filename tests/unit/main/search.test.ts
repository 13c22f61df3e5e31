import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import type { SearchKind } from '../../../shared/search/schemas';
import { newParticipantAt, newStaffMember, newTeacherAt, snapshot, type TestApp, appWithTwoPrisons } from '../../helpers/services';
import { contractInput } from '../../helpers/contracts';
import { createArtwork, createExhibition, recordConsent } from '../../helpers/internarte';

/**
 * The global search (Ctrl+K): one box over every register, by code, name, serial or title,
 * without accents, answering only what the signed-in role and the consent rules allow.
 */

let app: TestApp;
let lur: number;
let cho: number;
let cajon: number;

type Found = ChannelOutput<'search.global'>;
const search = (q: string) => app.ok('search.global', { q });
const titles = (r: Found, kind: SearchKind) => r.groups.find((g) => g.kind === kind)?.hits.map((h) => h.title) ?? [];
const kinds = (r: Found) => r.groups.map((g) => g.kind);

beforeEach(async () => {
  ({ app, lur, cho } = await appWithTwoPrisons());
  const types = await app.ok('instrumentTypes.list', {});
  const type = types.find((t) => t.name === 'Cajón peruano')!;
  cajon = (
    await app.ok('instruments.create', {
      code: 'INPE-0231',
      typeId: type.id,
      serialNumber: 'SN-77aa1',
      brand: 'Lima Percusión',
      costCentimos: 30000,
      funding: 'presupuesto_inpe',
      condition: 'nuevo',
      altaDate: '2026-02-10',
      establishmentId: lur,
    })
  ).id;
  await newParticipantAt(app, lur, 'PPL-0100', 'Rosa', 'Quispe Huamán');
  await newParticipantAt(app, cho, 'PPL-0200', 'Mario', 'Quispe Apaza');
});
afterEach(() => app.close());

describe('search.global finds records by code, name, serial or title, without accents', () => {
  it('finds an instrument by its code, its serial number and its type typed without the accent', async () => {
    expect(titles(await search('inpe-0231'), 'instrument')).toEqual(['INPE-0231']);
    expect(titles(await search('SN-77AA1'), 'instrument')).toEqual(['INPE-0231']);
    const byType = await search('cajon');
    expect(byType.groups.find((g) => g.kind === 'instrument')?.hits).toEqual([
      { kind: 'instrument', id: cajon, title: 'INPE-0231', detail: 'Cajón peruano · SN-77aa1 · E.P. de Lurigancho' },
    ]);
  });

  it('finds people by a surname without accents: participants, teachers and staff, grouped by kind', async () => {
    await newTeacherAt(app, lur, 'rosa');
    await newStaffMember(app, lur, 'Ana Quispe Ñahui', 'Técnica de educación');
    const found = await search('quispe');
    expect(kinds(found)).toEqual(['participant', 'teacher', 'staff']);
    expect(titles(found, 'participant').sort()).toEqual(['Quispe Apaza, Mario', 'Quispe Huamán, Rosa']);
    expect(titles(found, 'teacher')).toEqual(['Quispe Mamani, Rosa Elena']);
    expect(titles(found, 'staff')).toEqual(['Ana Quispe Ñahui']);
    expect(titles(await search('huaman rosa'), 'participant')).toEqual(['Quispe Huamán, Rosa']);
  });

  it('finds ensembles, workshops, contracts, artworks, exhibitions, events, partners and agreements by name or title', async () => {
    await app.ok('ensembles.create', { name: 'Coro Polifónico Lurigancho', type: 'coro_polifonico', establishmentId: lur });
    await app.ok('workshops.create', {
      name: 'Cerámica y tradición',
      programme: 'ceramica',
      discipline: 'Cerámica',
      establishmentId: lur,
      startDate: '2026-03-01',
      capacity: 20,
      teacherIds: [],
    });
    const teacher = await newTeacherAt(app, lur, 'julio');
    await app.ok('contracts.create', contractInput(teacher.id, lur, { number: 'OS N° 0777-2026' }));
    await createArtwork(app, lur, { title: 'Canción del río' });
    await createExhibition(app, { title: 'Libertad en arcilla' });
    await app.ok('events.create', {
      type: 'recital',
      seasonId: null,
      title: 'Recital de Año Nuevo',
      date: '2026-06-21',
      time: null,
      venueKind: 'establecimiento',
      establishmentId: lur,
      partnerIds: [],
      ensembleIds: [],
      audiences: { internos: 10, familiares: 0, personal: 0, externo: 0, autoridades: 0 },
    });
    const partner = await app.ok('partners.create', { name: 'Asociación Cultural Perú', type: 'sociedad_civil' });
    await app.ok('agreements.create', {
      partnerId: partner.id,
      title: 'Convenio de difusión artística',
      object: 'Difusión',
      startDate: '2026-01-01',
    });

    expect(titles(await search('polifonico'), 'ensemble')).toEqual(['Coro Polifónico Lurigancho']);
    expect(titles(await search('ceramica tradicion'), 'workshop')).toEqual(['Cerámica y tradición']);
    expect(titles(await search('0777-2026'), 'contract')).toEqual(['OS N° 0777-2026']);
    expect(titles(await search('cancion'), 'artwork')).toEqual(['Canción del río']);
    expect(titles(await search('arcilla'), 'exhibition')).toEqual(['Libertad en arcilla']);
    expect(titles(await search('ano nuevo'), 'event')).toEqual(['Recital de Año Nuevo']);
    expect(titles(await search('asociacion cultural'), 'partner')).toEqual(['Asociación Cultural Perú']);
    expect(titles(await search('difusion artistica'), 'agreement')).toEqual(['Convenio de difusión artística']);
  });

  it('finds a record as it is now: after a correction, by the new surname and no longer by the old one', async () => {
    const [rosa] = (await search('ppl-0100')).groups.find((g) => g.kind === 'participant')!.hits;
    const p = await app.ok('participants.get', { id: rosa!.id });
    await app.ok('participants.update', {
      id: p.id,
      version: p.version,
      code: p.code,
      firstNames: 'Rosa',
      lastNames: 'Ccori Huamán',
      sex: 'masculino',
      birthYear: 1990,
    });
    expect(titles(await search('ccori'), 'participant')).toEqual(['Ccori Huamán, Rosa']);
    expect(titles(await search('quispe'), 'participant')).toEqual(['Quispe Apaza, Mario']);
  });

  it('shows a limited number per kind and says there are more', async () => {
    for (let i = 1; i <= 7; i++) await newStaffMember(app, lur, `Pedro Condori ${i}`);
    const group = (await search('condori')).groups.find((g) => g.kind === 'staff')!;
    expect(group.hits).toHaveLength(5);
    expect(group.more).toBe(true);
  });
});

describe('search.global answers only what the role and the consent rules allow', () => {
  it('a role without the personal-data permission never gets participant names: a name finds nobody, the code shows only the code', async () => {
    await app.signInAs('inventario');
    const byName = await search('quispe');
    expect(kinds(byName)).not.toContain('participant');
    expect(JSON.stringify(byName)).not.toMatch(/Rosa|Mario|Huam/);
    const byCode = await search('ppl-0100');
    expect(byCode.groups.find((g) => g.kind === 'participant')?.hits).toEqual([
      expect.objectContaining({ title: 'PPL-0100', detail: 'E.P. de Lurigancho' }),
    ]);
    expect(JSON.stringify(byCode)).not.toMatch(/Rosa|Quispe/);
  });

  it('a role that opens no participant record (exposiciones) does not find participants at all', async () => {
    await app.signInAs('exposiciones');
    expect(kinds(await search('ppl-0100'))).toEqual([]);
    expect(kinds(await search('inpe-0231'))).toEqual([]);
  });

  it('a pseudonymous artist is never found by real name without the artists permission', async () => {
    const work = await createArtwork(app, lur, { title: 'Vasija ceremonial', artistName: 'José Luis Quispe Mamani' });
    await recordConsent(app, work.id, { naming: 'seudonimo', pseudonym: 'El Alfarero' });
    await app.signInAs('exposiciones');
    expect(titles(await search('jose luis mamani'), 'artwork')).toEqual(['Vasija ceremonial']);
    await app.signInAs('consulta');
    expect(titles(await search('vasija'), 'artwork')).toEqual(['Vasija ceremonial']);
    const byRealName = await search('jose luis mamani');
    expect(kinds(byRealName)).not.toContain('artwork');
    expect(JSON.stringify(await search('vasija'))).not.toMatch(/José|Mamani|Quispe/);
  });

  it('a user restricted to some establishments finds only their records', async () => {
    await app.signInAs('programas', { establishmentIds: [lur] });
    expect(titles(await search('quispe'), 'participant')).toEqual(['Quispe Huamán, Rosa']);
    await app.signInAs('inventario', { establishmentIds: [cho] });
    expect(kinds(await search('cajon'))).toEqual([]);
    expect(kinds(await search('ppl-0100'))).toEqual([]);
  });
});

describe('search.global refuses what cannot be searched, in Spanish, changing nothing', () => {
  it('too short, no letters or digits, too long or an unknown field', async () => {
    const before = await snapshot(app.db);
    expect(await app.call('search.global', { q: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { q: 'Escriba al menos 2 caracteres para buscar.' } },
    });
    expect(await app.call('search.global', { q: '--' })).toMatchObject({
      ok: false,
      error: { fields: { q: 'Escriba letras o números para buscar.' } },
    });
    const long = await app.call('search.global', { q: 'x'.repeat(101) });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error.fields.q).toMatch(/100/);
    expect(await app.call('search.global', { q: 'violin', kind: 'instrument' } as never)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await snapshot(app.db)).toBe(before);
  });
});
