import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { donatedInstrument, testApp, validEstablishment, type TestApp } from '../../helpers/services';

/**
 * Issue 15, item 5, through the same pipeline the window uses (SQLite, and PostgreSQL in its
 * tier): an event, an exhibition and a donation name the agreement they happened under; the
 * agreement's page sums the events' audiences per kind and the donations' value; an agreement
 * that does not exist, is another partner's or was not in force is refused beside the field,
 * changing nothing; a donated instrument names the donation it came from.
 */

let app: TestApp;
let est: number;
let mml: number;
let alianza: number;
let marco: number;
let musica: number;

beforeEach(async () => {
  app = await testApp();
  est = (await app.ok('establishments.create', validEstablishment({ code: 'EP-LUR-01', name: 'E.P. de Lurigancho' }))).id;
  mml = (await app.ok('partners.create', { name: 'Municipalidad Metropolitana de Lima', type: 'sector_publico' })).id;
  alianza = (await app.ok('partners.create', { name: 'Alianza Francesa de Lima', type: 'sociedad_civil' })).id;
  marco = (
    await app.ok('agreements.create', {
      partnerId: mml,
      title: 'Arte sin Barreras',
      object: 'Puestas en escena',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    })
  ).id;
  musica = (
    await app.ok('agreements.create', { partnerId: alianza, title: 'Fiesta de la Música', object: 'Conciertos', startDate: '2026-05-01' })
  ).id;
}, 30000);
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await app.close();
  while (cleanup.length) await cleanup.pop()!();
});

const event = (title: string, date: string, audiences: Record<string, number>, over: Record<string, unknown> = {}) => ({
  type: 'recital' as const,
  title,
  date,
  venueKind: 'establecimiento' as const,
  establishmentId: est,
  partnerIds: [mml],
  audiences: { internos: 0, familiares: 0, personal: 0, externo: 0, autoridades: 0, ...audiences },
  ...over,
});

describe("an agreement's page", () => {
  it('lists the events, exhibitions and donations that name it, with audiences per kind and the donated value summed', async () => {
    await app.ok(
      'events.create',
      event('Recital de cuerdas', '2026-03-10', { internos: 120, familiares: 30, autoridades: 2 }, { agreementId: marco }),
    );
    await app.ok(
      'events.create',
      event('Puesta en escena', '2026-06-15', { internos: 200, personal: 15, externo: 40 }, { agreementId: marco }),
    );
    // Same partner, no agreement named: not the agreement's.
    await app.ok('events.create', event('Concierto de Navidad', '2026-12-18', { internos: 500 }));
    await app.ok('partners.addDonation', {
      partnerId: mml,
      date: '2026-04-10',
      description: 'Vestuario',
      valueCentimos: 1250050,
      agreementId: marco,
    });
    await app.ok('partners.addDonation', {
      partnerId: mml,
      date: '2026-08-01',
      description: 'Atriles',
      valueCentimos: 99950,
      agreementId: marco,
    });
    await app.ok('partners.addDonation', { partnerId: mml, date: '2026-09-01', description: 'Cuerdas', valueCentimos: 5000 });
    const x = await app.ok('exhibitions.create', {
      title: 'InternArte 2026',
      startsOn: '2026-10-01',
      partnerIds: [mml, alianza],
      agreementId: marco,
    });
    expect(x.agreement).toEqual({ id: marco, title: 'Arte sin Barreras' });

    const d = await app.ok('agreements.get', { id: marco });
    expect(d.agreement).toMatchObject({ title: 'Arte sin Barreras', partnerName: 'Municipalidad Metropolitana de Lima' });
    expect(d.events.map((e) => [e.title, e.totalAudience])).toEqual([
      ['Recital de cuerdas', 152],
      ['Puesta en escena', 255],
    ]);
    expect(d.audiences).toEqual({ internos: 320, familiares: 30, personal: 15, externo: 40, autoridades: 2 });
    expect(d.totalAudience).toBe(407);
    expect(d.donations.map((x) => x.description)).toEqual(['Vestuario', 'Atriles']);
    expect(d.donatedCentimos).toBe(1350000);
    expect(d.exhibitions.map((e) => e.title)).toEqual(['InternArte 2026']);

    // The partner's record shows which donations were made under it.
    const partner = await app.ok('partners.get', { id: mml });
    expect(partner.donations.map((x) => [x.description, x.agreement?.title ?? null])).toEqual([
      ['Cuerdas', null],
      ['Atriles', 'Arte sin Barreras'],
      ['Vestuario', 'Arte sin Barreras'],
    ]);
    // What it produced was the Municipalidad's: the agreement keeps its partner.
    const moved = await app.call('agreements.update', {
      id: marco,
      version: d.agreement.version,
      partnerId: alianza,
      title: 'Arte sin Barreras',
      object: 'Puestas en escena',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(moved.ok ? null : moved.error.fields.partnerId).toBe(
      '5 eventos, exposiciones o donaciones nombran este convenio: su aliado no puede cambiar.',
    );
    // An agreement nothing names yet: empty lists, sums of zero.
    expect(await app.ok('agreements.get', { id: musica })).toMatchObject({
      events: [],
      donations: [],
      exhibitions: [],
      totalAudience: 0,
      donatedCentimos: 0,
    });
  });

  it('refuses, beside the field and changing nothing, an agreement that does not exist, is another partner’s or was not in force', async () => {
    const before = await app.ok('agreements.get', { id: marco });
    const refused = async (name: Parameters<TestApp['call']>[0], input: unknown) => {
      const r = await app.call(name, input as never);
      if (r.ok) throw new Error(`${name} was accepted`);
      return r.error.fields.agreementId;
    };
    expect(await refused('events.create', event('Recital', '2026-03-10', {}, { agreementId: 9999 }))).toBe(
      'El convenio elegido no existe.',
    );
    expect(await refused('events.create', event('Recital', '2026-06-10', {}, { agreementId: musica }))).toBe(
      'El convenio «Fiesta de la Música» es de otro aliado: elija un convenio de los aliados de este registro.',
    );
    expect(await refused('events.create', event('Recital', '2027-01-10', {}, { agreementId: marco }))).toBe(
      'El convenio «Arte sin Barreras» no estaba vigente en esa fecha.',
    );
    expect(
      await refused('partners.addDonation', {
        partnerId: mml,
        date: '2026-06-01',
        description: 'Cuerdas',
        valueCentimos: 100,
        agreementId: musica,
      }),
    ).toBe('El convenio «Fiesta de la Música» es de otro aliado: elija un convenio de los aliados de este registro.');
    expect(
      await refused('partners.addDonation', {
        partnerId: alianza,
        date: '2026-04-30',
        description: 'Cuerdas',
        valueCentimos: 100,
        agreementId: musica,
      }),
    ).toBe('El convenio «Fiesta de la Música» no estaba vigente en esa fecha.');
    expect(await refused('exhibitions.create', { title: 'InternArte 2026', partnerIds: [alianza], agreementId: marco })).toBe(
      'El convenio «Arte sin Barreras» es de otro aliado: elija un convenio de los aliados de este registro.',
    );
    expect(await app.ok('agreements.get', { id: marco })).toEqual(before);
    expect((await app.ok('events.list', {})).length).toBe(0);
    expect((await app.ok('partners.get', { id: mml })).donations).toEqual([]);
  });
});

describe("a donated instrument's funding source", () => {
  it('names the donation it came from; an instrument bought by INPE or an unknown donation is refused', async () => {
    const detail = await app.ok('partners.addDonation', {
      partnerId: alianza,
      date: '2026-06-21',
      description: 'Juegos de cuerdas',
      valueCentimos: 480000,
    });
    const donationId = detail.donations[0]!.id;
    expect(await app.ok('instruments.donations', {})).toEqual([
      {
        partnerId: alianza,
        partnerName: 'Alianza Francesa de Lima',
        donations: [{ id: donationId, date: '2026-06-21', description: 'Juegos de cuerdas', valueCentimos: 480000 }],
      },
    ]);
    const violin = await app.ok('instruments.create', donatedInstrument('DON-001', { donationId }));
    expect(violin.donationId).toBe(donationId);
    const bought = await app.call('instruments.create', donatedInstrument('DON-002', { funding: 'presupuesto_inpe', donationId }));
    expect(bought.ok ? null : bought.error.fields.donationId).toBe(
      'Solo un instrumento donado o aportado por un aliado viene de una donación.',
    );
    const unknown = await app.call('instruments.create', donatedInstrument('DON-003', { donationId: 9999 }));
    expect(unknown.ok ? null : unknown.error.fields.donationId).toBe('La donación elegida no existe.');
    // The clerk may leave it unlinked, and name it again.
    const { code, typeId, costCentimos, funding } = violin;
    const unlinked = await app.ok('instruments.update', {
      id: violin.id,
      version: violin.version,
      code,
      typeId,
      costCentimos,
      funding,
      donationId: null,
    });
    expect(unlinked.donationId).toBeNull();
    const linked = await app.ok('instruments.update', {
      id: violin.id,
      version: unlinked.version,
      code,
      typeId,
      costCentimos,
      funding,
      donationId,
    });
    expect(linked.donationId).toBe(donationId);
  });
});

describe('the demonstration data', () => {
  it('names agreements on events, the exhibition and donations, and a donation on donated instruments', async () => {
    const demo = await testApp();
    cleanup.push(() => demo.close());
    await demo.ok('demo.load', {});
    const agreements = await demo.ok('agreements.list', {});
    const details = await Promise.all(agreements.map((a) => demo.ok('agreements.get', { id: a.id })));
    expect(details.reduce((n, d) => n + d.events.length, 0)).toBeGreaterThan(3);
    expect(details.reduce((n, d) => n + d.donations.length, 0)).toBe(2);
    expect(details.flatMap((d) => d.exhibitions.map((x) => [d.agreement.title, x.title]))).toEqual([
      ['InternArte: otra forma de libertad', 'InternArte: otra forma de libertad'],
    ]);
    const donated = (await demo.db('instruments').whereNotNull('donation_id').select('funding')) as Array<{ funding: string }>;
    expect(donated.map((i) => i.funding).sort()).toEqual(['aliado', 'donacion']);
  });
});
