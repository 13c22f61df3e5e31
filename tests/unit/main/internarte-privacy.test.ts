import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLurigancho, snapshot, testApp, type TestApp } from '../../helpers/services';
import { createArtwork, recordConsent } from '../../helpers/internarte';

/**
 * InternArte and the participants register: the exhibitions role (artists' names, but not
 * the personal-data permission) is offered only the participants already linked as
 * artists, never the register; the consent form's file name and the notes stay with the
 * roles that see artists' names. Each test performs the call as the wrong role.
 */

let app: TestApp;
let est: number;
let ids: { artist: number; other: number; third: number; work: number };

const participant = async (code: string, firstNames: string, lastNames: string) =>
  (
    await app.ok('participants.create', {
      code,
      firstNames,
      lastNames,
      sex: 'femenino',
      birthYear: 1990,
      establishmentId: est,
      date: '2026-02-01',
    })
  ).id;

beforeEach(async () => {
  app = await testApp();
  est = await createLurigancho(app);
  const artist = await participant('PPL-0100', 'Rosa', 'Huamán Ccori');
  const other = await participant('PPL-0200', 'Mario', 'Quispe Apaza');
  const third = await participant('PPL-0300', 'Lucía', 'Condori Mamani');
  // The administrador links one participant as the artist of a work.
  const work = (await createArtwork(app, est, { title: 'Vasija', artistName: null, artistParticipantId: artist })).id;
  ids = { artist, other, third, work };
});
afterEach(() => app.close());

describe('artworks.artistOptions', () => {
  it('the exhibitions role is offered only the participants already linked as artists, not the register', async () => {
    await app.signInAs('exposiciones');
    const all = await app.ok('artworks.artistOptions', { search: '' });
    expect(all.map((o) => [o.code, o.name])).toEqual([['PPL-0100', 'Rosa Huamán Ccori']]);
    // Searching the register by a name or a code finds nobody who is not an artist already.
    expect(await app.ok('artworks.artistOptions', { search: 'quispe' })).toEqual([]);
    expect(await app.ok('artworks.artistOptions', { search: 'PPL-0300' })).toEqual([]);
    expect(JSON.stringify(await app.ok('artworks.artistOptions', { search: 'a' }))).not.toMatch(/Quispe|Condori|PPL-0200|PPL-0300/);
  });

  it('the administrador (personal-data permission) still searches the whole register', async () => {
    expect((await app.ok('artworks.artistOptions', { search: '' })).map((o) => o.code)).toEqual(['PPL-0300', 'PPL-0100', 'PPL-0200']);
    expect((await app.ok('artworks.artistOptions', { search: 'quispe' })).map((o) => o.code)).toEqual(['PPL-0200']);
  });

  it('the exhibitions role cannot link a participant it was not offered (by typing the id), and nothing is written', async () => {
    await app.signInAs('exposiciones');
    const before = await snapshot(app.db);
    const refused = await app.call('artworks.create', {
      title: 'Retrato',
      artistParticipantId: ids.other,
      artistName: null,
      establishmentId: est,
      technique: 'pintura_oleo',
      heightMm: 500,
      widthMm: 400,
      receivedOn: '2026-09-01',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { artistParticipantId: 'Ese participante no existe.' } },
    });
    expect(await snapshot(app.db)).toBe(before);
    // Nor by editing another work to point at them.
    const work = await app.ok('artworks.get', { id: ids.work });
    const edit = await app.call('artworks.update', {
      id: work.id,
      version: work.version,
      title: work.title,
      artistParticipantId: ids.third,
      artistName: null,
      establishmentId: est,
      technique: work.technique,
      heightMm: work.heightMm,
      widthMm: work.widthMm,
    });
    expect(edit.ok ? null : edit.error.fields.artistParticipantId).toBe('Ese participante no existe.');
    expect(await snapshot(app.db)).toBe(before);
    // The artist already linked may be chosen for a new work.
    const again = await app.ok('artworks.create', {
      title: 'Plato',
      artistParticipantId: ids.artist,
      artistName: null,
      establishmentId: est,
      technique: 'ceramica_alta_temperatura',
      heightMm: 30,
      widthMm: 250,
      receivedOn: '2026-09-02',
    });
    expect(again).toMatchObject({ artistParticipantId: ids.artist, artistName: 'Rosa Huamán Ccori' });
  });
});

describe('artworks.consents', () => {
  const NOTES = 'Firmó en la visita del 12/10 con su abogada; pidió no usar su segundo apellido';

  it('the read-only role sees what was allowed, not the document’s name, its reference or the notes', async () => {
    await recordConsent(app, ids.work, { notes: NOTES });
    await app.signInAs('consulta');
    const seen = await app.ok('artworks.consents', { id: ids.work });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      naming: 'nombre_completo',
      mayExhibit: true,
      hasDocument: true,
      documentName: null,
      documentHash: null,
      notes: null,
    });
    expect(JSON.stringify(seen)).not.toMatch(/consentimiento-firmado|abogada/);
  });

  it('the exhibitions role, which files the signed forms, sees them', async () => {
    await recordConsent(app, ids.work, { notes: NOTES });
    await app.signInAs('exposiciones');
    const [entry] = await app.ok('artworks.consents', { id: ids.work });
    expect(entry).toMatchObject({ hasDocument: true, documentName: 'consentimiento-firmado.pdf', notes: NOTES });
    expect(entry!.documentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
