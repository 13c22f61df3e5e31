import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appWithLurigancho, snapshot, validEstablishment, type TestApp } from '../../helpers/services';
import { addPhoto, allowAll, createArtwork, createExhibition, pngBase64, recordConsent } from '../../helpers/internarte';

/** InternArte in main: loans and custody, bad files and consent without its document, who sees artists' names. */

let app: TestApp;
let est: number;

beforeEach(async () => {
  ({ app, est } = await appWithLurigancho());
});
afterEach(() => app.close());

async function onChecklist(title = 'Vasija ceremonial') {
  const a = await createArtwork(app, est, { title });
  await recordConsent(app, a.id);
  const ex = await createExhibition(app);
  await app.ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [a.id] });
  return { a, ex };
}

describe('loans', () => {
  it('lending and returning write the custody ledger in the same transaction', async () => {
    const { a, ex } = await onChecklist();
    const loan = await app.ok('exhibitions.lend', {
      exhibitionId: ex.id,
      artworkId: a.id,
      lentOn: '2026-10-25',
      dueOn: '2027-02-05',
      insuranceCentimos: 800000,
      conditionOut: 'Buen estado',
      photos: [{ fileName: 'salida.png', dataBase64: await pngBase64('#aa3') }],
    });
    expect((await app.ok('artworks.get', { id: a.id })).custodyStatus).toBe('prestada');
    expect((await app.ok('exhibitions.get', { id: ex.id })).openLoans).toBe(1);
    // A second loan of a work already out, or a custody change by hand, is refused.
    const again = await app.call('exhibitions.lend', {
      exhibitionId: ex.id,
      artworkId: a.id,
      lentOn: '2026-10-26',
      insuranceCentimos: 1,
      conditionOut: 'x',
    });
    expect(again.ok ? null : again.error.message).toBe('La obra está prestada: registre primero su devolución en la exposición.');
    const byHand = await app.call('artworks.moveCustody', { artworkId: a.id, to: 'en_taller', date: '2026-11-01' });
    expect(byHand.ok).toBe(false);
    // Nor may the work leave the checklist while it is out.
    expect((await app.call('exhibitions.removeWork', { exhibitionId: ex.id, artworkId: a.id })).ok).toBe(false);

    const early = await app.call('exhibitions.returnLoan', { loanId: loan.id, returnedOn: '2026-10-01', conditionBack: 'Bien' });
    expect(early.ok ? null : early.error.fields.returnedOn).toBe('La devolución es anterior a la fecha del préstamo.');
    const back = await app.ok('exhibitions.returnLoan', {
      loanId: loan.id,
      returnedOn: '2027-02-03',
      conditionBack: 'Pequeña marca en la base',
      photos: [{ fileName: 'retorno.png', dataBase64: await pngBase64('#3aa') }],
    });
    expect(back).toMatchObject({
      returnedOn: '2027-02-03',
      photosOut: [{ originalName: 'salida.png' }],
      photosBack: [{ originalName: 'retorno.png' }],
    });
    const custody = await app.ok('artworks.custody', { id: a.id });
    expect(custody.map((c) => [c.status, c.date, c.exhibitionTitle])).toEqual([
      ['en_taller', '2027-02-03', 'InternArte: otra forma de libertad'],
      ['prestada', '2026-10-25', 'InternArte: otra forma de libertad'],
      ['en_taller', '2026-09-01', null],
    ]);
    expect((await app.call('exhibitions.returnLoan', { loanId: loan.id, returnedOn: '2027-02-04', conditionBack: 'x' })).ok).toBe(false);
    expect(await app.ok('artworks.exhibitions', { id: a.id })).toMatchObject([
      { title: 'InternArte: otra forma de libertad', catalogNumber: '1', loanOpen: false },
    ]);
  });

  it('refuses to lend a work whose artist did not allow it to be exhibited, and writes nothing', async () => {
    const { a, ex } = await onChecklist();
    await recordConsent(app, a.id, { mayExhibit: false });
    const before = await snapshot(app.db);
    const r = await app.call('exhibitions.lend', {
      exhibitionId: ex.id,
      artworkId: a.id,
      lentOn: '2026-10-25',
      insuranceCentimos: 100,
      conditionOut: 'Bien',
    });
    expect(r.ok ? null : r.error.message).toBe('El artista no autorizó que esta obra se exhiba: no puede prestarse para la exposición.');
    expect(await snapshot(app.db)).toBe(before);
  });

  it('the custody ledger is append-only in the database itself', async () => {
    const a = await createArtwork(app, est);
    await expect(app.db('artwork_custody').where({ artwork_id: a.id }).update({ status: 'vendida' })).rejects.toThrow(/append-only/);
    await expect(app.db('artwork_consents').delete()).resolves.toBe(0);
    await recordConsent(app, a.id);
    await expect(app.db('artwork_consents').delete()).rejects.toThrow(/append-only/);
  });

  it('a sale needs the artist’s consent to sell', async () => {
    const a = await createArtwork(app, est);
    await recordConsent(app, a.id, { maySell: false });
    const r = await app.call('artworks.moveCustody', { artworkId: a.id, to: 'vendida', date: '2026-11-01' });
    expect(r.ok ? null : r.error.message).toBe('El artista no autorizó la venta de esta obra.');
    await recordConsent(app, a.id);
    expect(await app.ok('artworks.moveCustody', { artworkId: a.id, to: 'vendida', date: '2026-11-01' })).toMatchObject({
      custodyStatus: 'vendida',
      saleStatus: 'vendida',
      version: 2,
    });
  });
});

describe('bad input changes nothing', () => {
  it('a photo that is not an image is refused in Spanish', async () => {
    const a = await createArtwork(app, est);
    const before = await snapshot(app.db);
    const r = await app.call('artworks.addPhoto', {
      id: a.id,
      fileName: 'obra.jpg',
      dataBase64: Buffer.from('esto no es una foto').toString('base64'),
    });
    expect(r.ok ? null : r.error.message).toBe('«obra.jpg» no es una imagen (JPEG, PNG, WebP, TIFF o GIF).');
    expect(await snapshot(app.db)).toBe(before);
  });

  it('a photo over 20 MB is refused in Spanish', async () => {
    const a = await createArtwork(app, est);
    const before = await snapshot(app.db);
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 7).toString('base64');
    const r = await app.call('artworks.addPhoto', { id: a.id, fileName: 'enorme.tif', dataBase64: big });
    expect(r.ok ? null : r.error.message).toBe('«enorme.tif» pesa más de 20 MB.');
    expect(await snapshot(app.db)).toBe(before);
  });

  it('a consent that grants anything without the signed document is refused next to the field', async () => {
    const a = await createArtwork(app, est);
    const before = await snapshot(app.db);
    const r = await app.call('artworks.recordConsent', { ...allowAll(a.id), document: null });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.fields.document).toBe('Adjunte el documento firmado (PDF o imagen): sin él no se registra ninguna autorización.');
    const pseudo = await app.call('artworks.recordConsent', { ...allowAll(a.id), naming: 'seudonimo' });
    expect(pseudo.ok ? null : pseudo.error.fields.pseudonym).toBe('Escriba el seudónimo con el que el artista quiere ser nombrado.');
    const notADocument = await app.call('artworks.recordConsent', {
      ...allowAll(a.id),
      document: { fileName: 'firma.txt', dataBase64: Buffer.from('hola').toString('base64') },
    });
    expect(notADocument.ok ? null : notADocument.error.message).toMatch(/no es un documento/);
    expect(await snapshot(app.db)).toBe(before);
  });
});

describe('a section for a selection of the checklist', () => {
  it('sets the section of the chosen works only, keeping their numbers; a work not on the checklist changes nothing', async () => {
    const { a, ex } = await onChecklist('Vasija');
    const b = await createArtwork(app, est, { title: 'Retablo' });
    const c = await createArtwork(app, est, { title: 'Máscara' });
    await app.ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [b.id, c.id] });
    const rows = await app.ok('exhibitions.setSection', { exhibitionId: ex.id, artworkIds: [a.id, c.id], section: 'Sala de cerámica' });
    expect(rows.map((r) => [r.title, r.catalogNumber, r.section])).toEqual([
      ['Vasija', '1', 'Sala de cerámica'],
      ['Retablo', '2', null],
      ['Máscara', '3', 'Sala de cerámica'],
    ]);

    const outside = await createArtwork(app, est, { title: 'Tapiz' });
    const before = await snapshot(app.db);
    const r = await app.call('exhibitions.setSection', { exhibitionId: ex.id, artworkIds: [b.id, outside.id], section: 'Sala 3' });
    expect(r.ok ? null : r.error.code).toBe('not_found');
    expect(await snapshot(app.db)).toBe(before);
  });
});

describe('who sees the artist’s real name', () => {
  it('the exposiciones role sees it; consulta sees the artist only as consent allows and cannot search by name', async () => {
    const a = await createArtwork(app, est, { title: 'Cóndor', artistName: 'José Luis Quispe Mamani' });
    await addPhoto(app, a.id);
    await recordConsent(app, a.id, { naming: 'seudonimo', pseudonym: 'Wayra' });

    await app.signInAs('exposiciones');
    expect(await app.ok('artworks.get', { id: a.id })).toMatchObject({
      artistName: 'José Luis Quispe Mamani',
      artistLabel: 'José Luis Quispe Mamani',
    });
    expect((await app.ok('artworks.list', { search: 'quispe' })).total).toBe(1);

    await app.signInAs('consulta');
    const seen = await app.ok('artworks.get', { id: a.id });
    expect(seen).toMatchObject({ artistName: null, artistParticipantId: null, artistLabel: 'Wayra' });
    const list = await app.ok('artworks.list', { search: 'quispe' });
    expect(list.total).toBe(0);
    const all = await app.ok('artworks.list', {});
    expect(JSON.stringify(all)).not.toContain('Quispe');
    const ex = await createExhibitionAsAdmin();
    await app.signInAs('consulta');
    expect(JSON.stringify(await app.ok('exhibitions.checklist', { id: ex }))).not.toContain('Quispe');
    const options = await app.call('artworks.artistOptions', { search: '' });
    expect(options.ok ? null : options.error.code).toBe('forbidden');

    async function createExhibitionAsAdmin() {
      await app.signInAs('administrador');
      const x = await createExhibition(app);
      await app.ok('exhibitions.addWorks', { exhibitionId: x.id, artworkIds: [a.id] });
      return x.id;
    }
  });

  it('an edit bumps the version and a stale edit is refused', async () => {
    const a = await createArtwork(app, est);
    const { id, version } = a;
    const input = {
      id,
      version,
      title: 'Nuevo título',
      artistName: 'José Luis Quispe Mamani',
      establishmentId: est,
      technique: 'escultura' as const,
      heightMm: 100,
      widthMm: 100,
    };
    expect(await app.ok('artworks.update', input)).toMatchObject({ version: 2, title: 'Nuevo título' });
    const stale = await app.call('artworks.update', input);
    expect(stale.ok ? null : stale.error.code).toBe('stale');
  });
});

describe('the artworks export', () => {
  it('carries the real names, so it is for the exposiciones role only and is logged with its reason', async () => {
    const a = await createArtwork(app, est, { title: 'Cóndor', artistName: 'José Luis Quispe Mamani' });
    await recordConsent(app, a.id, { naming: 'seudonimo', pseudonym: 'Wayra' });
    const reason = 'Inventario anual de obras de la muestra';
    await app.signInAs('exposiciones');
    const saved = await app.ok('artworks.export', { filter: {}, format: 'csv', reason });
    if (saved.status !== 'saved') throw new Error('not saved');
    const text = (await import('node:fs')).readFileSync(saved.path, 'utf8');
    expect(text).toContain('José Luis Quispe Mamani');
    expect(text).toContain('Seudónimo');
    const log = (await app.db('personal_data_exports').select('channel', 'reason', 'user_name', 'rows')) as unknown[];
    expect(log).toEqual([{ channel: 'artworks.export', reason, user_name: 'Usuario exposiciones', rows: 1 }]);
    await app.signInAs('consulta');
    const refused = await app.call('artworks.export', { filter: {}, format: 'csv', reason });
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
  });
});

describe('a user restricted to some establishments', () => {
  it('sees and reaches only the works of those establishments', async () => {
    const other = (await app.ok('establishments.create', validEstablishment({ code: 'EP-CHO-01', name: 'E.P. de Mujeres de Chorrillos' })))
      .id;
    const mine = await createArtwork(app, est, { title: 'De Lurigancho' });
    const theirs = await createArtwork(app, other, { title: 'De Chorrillos' });
    await app.signInAs('exposiciones', { establishmentIds: [est] });
    expect((await app.ok('artworks.list', {})).rows.map((r) => r.title)).toEqual(['De Lurigancho']);
    expect((await app.ok('artworks.get', { id: mine.id })).title).toBe('De Lurigancho');
    const refused = await app.call('artworks.get', { id: theirs.id });
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    expect((await app.ok('artworks.summary', {})).works).toBe(1);
  });
});
