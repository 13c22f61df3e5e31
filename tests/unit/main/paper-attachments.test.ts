import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readManifest } from '../../../electron/main/backups/format';
import { translator } from '../../../electron/main/i18n';
import { auditActionLabel, auditChannelLabel, auditEntityLabel } from '../../../shared/audit/labels';
import { paperChannels, paperPrefixes, type PaperPrefix } from '../../../shared/paper-channels';
import { sqliteOnly } from '../../helpers/pg';
import { dispatchMovement, jpegBase64, otherEstablishment, paperRecords, pdfBase64 } from '../../helpers/papers';
import { newViolin, snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { filePrinter } from '../../helpers/file-printer';

/**
 * Filing the paper (issue 16, item 4): a scanned PDF or a photo attached to a transfer's
 * dispatch and receipt, a repair, a stocktake, a conformity, a loan and a participant's
 * consent; refused files change nothing; scope, role and personal-data rules; backups; and
 * the transfer acta printed with its signature lines.
 */

let app: TestApp;
let est: number;
const records = paperRecords(
  () => app,
  () => est,
);
/** How many files the attachments folder holds. */
const stored = () => {
  const dir = app.platform.paths.attachmentsDir;
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 0;
};
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-']).toString('utf8');

const printer = filePrinter();

beforeEach(async () => {
  app = await testApp({ printer });
  est = (await app.ok('establishments.create', validEstablishment({ code: 'EP-LUR-01', name: 'E.P. Lurigancho' }))).id;
});
afterEach(() => app.close());

describe.each(paperPrefixes)('papers of %s', (p: PaperPrefix) => {
  const [list, attach, remove, copy] = paperChannels(p);

  it('attaches a scanned PDF and a JPEG photo, lists them, saves a copy, and removes one keeping the file and its history', async () => {
    const id = await records[p]();
    await app.ok(attach, { id, fileName: 'firmado.pdf', dataBase64: pdfBase64() });
    const both = await app.ok(attach, { id, fileName: 'foto-del-acta.jpg', dataBase64: await jpegBase64() });
    expect(both.map((x) => [x.originalName, x.mime])).toEqual([
      ['firmado.pdf', 'application/pdf'],
      ['foto-del-acta.jpg', 'image/jpeg'],
    ]);
    // The same file again is one link.
    expect(await app.ok(attach, { id, fileName: 'firmado.pdf', dataBase64: pdfBase64() })).toHaveLength(2);
    expect(await app.ok(list, { id })).toEqual(both);

    const reason = p === 'participants' ? { reason: 'Verificación del consentimiento firmado' } : {};
    const saved = await app.ok(copy, { id, hash: both[1]!.hash, ...reason } as never);
    expect(saved.status).toBe('saved');
    expect(
      fs
        .readFileSync((saved as { path: string }).path)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const left = await app.ok(remove, { id, hash: both[0]!.hash });
    expect(left.map((x) => x.originalName)).toEqual(['foto-del-acta.jpg']);
    // Nothing is lost: the link is marked, the file stays in the store, and the audit says who.
    expect(await app.db('record_papers').whereNotNull('removed_at').select('removed_by')).toEqual([{ removed_by: expect.any(String) }]);
    expect(await app.attachments.read(both[0]!.hash, 'application/pdf')).not.toBeNull();
    const actions = (await app.db('audit_log').where('action', 'like', 'paper:%').orderBy('id').select('action')).map((r) => r.action);
    expect(actions).toEqual(['paper:attach', 'paper:attach', 'paper:attach', 'paper:remove']);
  });

  it('refuses a file that is not a PDF or an image, and one over 20 MB, in Spanish, writing nothing', async () => {
    const id = await records[p]();
    const before = await snapshot(app.db);
    const attachments = stored();
    const text = await app.call(attach, { id, fileName: 'notas.txt', dataBase64: Buffer.from('solo texto').toString('base64') });
    expect(text).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('no es un documento') } });
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.4');
    const tooBig = await app.call(attach, { id, fileName: 'enorme.pdf', dataBase64: big.toString('base64') });
    expect(tooBig).toMatchObject({ ok: false, error: { message: '«enorme.pdf» pesa más de 20 MB.' } });
    expect(await snapshot(app.db)).toBe(before);
    expect(stored()).toBe(attachments);
  });

  it("refuses a user outside the record's establishment", async () => {
    const id = await records[p]();
    const elsewhere = await otherEstablishment(app, 'EP-CHO-01', 'E.P. Chorrillos');
    const role = {
      movements: 'inventario',
      stocktakes: 'inventario',
      conformities: 'contratos',
      loans: 'exposiciones',
      participants: 'programas',
    } as const;
    await app.signInAs(role[p], { establishmentIds: [elsewhere] });
    const refused = await app.call(attach, { id, fileName: 'firmado.pdf', dataBase64: pdfBase64() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.call(list, { id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the audit log', () => {
  it('tells who attached and removed a paper, in Spanish and in English', async () => {
    const id = await records.stocktakes();
    const [acta] = await app.ok('stocktakes.attachPaper', { id, fileName: 'acta-firmada.pdf', dataBase64: pdfBase64() });
    await app.ok('stocktakes.removePaper', { id, hash: acta!.hash });
    const rows = (await app
      .db('audit_log')
      .where('action', 'like', 'paper:%')
      .orderBy('id')
      .select('entity', 'action', 'channel')) as Array<Record<string, string>>;
    const es = translator('es-PE');
    const en = translator('en');
    expect(rows.map((r) => [auditEntityLabel(es, r.entity!), auditActionLabel(es, r.action!), auditChannelLabel(es, r.channel!)])).toEqual([
      ['Inventario físico', 'Documento firmado adjuntado', 'Adjunto de un documento firmado'],
      ['Inventario físico', 'Documento firmado quitado', 'Documento firmado quitado'],
    ]);
    expect(auditActionLabel(en, 'paper:attach')).toBe('Signed paper attached');
    expect(auditEntityLabel(es, 'instrumentMovement')).toBe('Movimiento de instrumento');
  });
});

describe('who may file and see papers', () => {
  it('keeps a read-only role from attaching, and other modules from filing', async () => {
    const id = await records.conformities();
    await app.signInAs('consulta');
    expect(await app.ok('conformities.papers', { id })).toEqual([]);
    expect(await app.call('conformities.attachPaper', { id, fileName: 'r.pdf', dataBase64: pdfBase64() })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await app.signInAs('inventario');
    expect(await app.call('conformities.papers', { id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("hides a participant's consent scan from roles without personal data, and logs a copy with its reason", async () => {
    const id = await records.participants();
    const [consent] = await app.ok('participants.attachPaper', {
      id,
      fileName: 'consentimiento-firmado.jpg',
      dataBase64: await jpegBase64(),
    });
    expect(consent!.kind).toBe('consentimiento');
    // The audit keeps no file name for personal data.
    const logged = await app.db('audit_log').where({ action: 'paper:attach' }).first('after_json');
    expect(JSON.stringify(logged)).not.toContain('consentimiento-firmado');
    for (const role of ['consulta', 'inventario', 'contratos', 'exposiciones'] as const) {
      await app.signInAs(role);
      expect(await app.call('participants.papers', { id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await app.call('participants.paperCopy', { id, hash: consent!.hash, reason: 'Revisión del expediente' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    await app.signInAs('programas');
    expect(await app.ok('participants.papers', { id })).toHaveLength(1);
    const saved = await app.ok('participants.paperCopy', { id, hash: consent!.hash, reason: 'Revisión del expediente' });
    expect(saved.status).toBe('saved');
    expect(await app.db('personal_data_exports').select('channel', 'reason', 'what')).toEqual([
      { channel: 'participants.paperCopy', reason: 'Revisión del expediente', what: 'Consentimiento informado firmado — INT-2026-0042' },
    ]);
  });

  it('files a paper only with a dispatch, a receipt or a repair', async () => {
    const i = await app.ok('instruments.create', newViolin('INS-REP-01', est));
    await app.ok('instruments.move', {
      instrumentIds: [i.id],
      movement: { kind: 'envio_reparacion', date: '2026-03-03', provider: 'Taller Luthier SAC', description: 'Cambio de clavijas' },
    });
    const [repair, alta] = await app.ok('instruments.history', { id: i.id });
    const [invoice] = await app.ok('movements.attachPaper', {
      id: repair!.id,
      fileName: 'factura-F001-88.pdf',
      dataBase64: pdfBase64('Factura F001-88'),
    });
    expect(invoice!.kind).toBe('factura_reparacion');
    const refused = await app.call('movements.attachPaper', { id: alta!.id, fileName: 'x.pdf', dataBase64: pdfBase64() });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: 'Solo se adjuntan documentos a un despacho, una recepción o una reparación.' },
    });
  });
});

describe.skipIf(sqliteOnly('a full backup copies the SQLite file; the office server is backed up on the server'))('backups', () => {
  it("hold every filed paper's file, in the data folder's managed attachments", async () => {
    const id = await records.conformities();
    const [receipt] = await app.ok('conformities.attachPaper', {
      id,
      fileName: 'recibo-E001-45.jpg',
      dataBase64: await jpegBase64('#a33'),
    });
    const { jobId } = await app.ok('backups.create', { destination: 'local' });
    const done = await app.jobs.wait(jobId);
    const folder = path.join(app.platform.paths.backupDir, (done!.result as { name: string }).name);
    const files = readManifest(folder).attachments.map((a) => a.file);
    expect(files.some((f) => f.includes(receipt!.hash))).toBe(true);
    for (const f of files.filter((x) => x.includes(receipt!.hash))) expect(fs.existsSync(path.join(folder, f))).toBe(true);
  });
});

describe('the transfer acta', () => {
  const instrument = (code: string) => app.ok('instruments.create', newViolin(code, est));

  it('prints the dispatch and each receipt with the signature lines, from the dispatch or from a receipt', async () => {
    const to = await otherEstablishment(app, 'EP-CHO-01', 'E.P. Chorrillos');
    const [a, b] = [await instrument('VIO-0001'), await instrument('VIO-0002')];
    await app.ok('instruments.move', {
      instrumentIds: [a.id, b.id],
      movement: { kind: 'despacho', toEstablishmentId: to, date: '2026-03-02', documentNumber: 'ACTA-TR-7', person: 'Rosa Huamán' },
    });
    await app.ok('instruments.move', {
      instrumentIds: [a.id],
      movement: { kind: 'recepcion', person: 'Luis Quispe', condition: 'bueno', date: '2026-03-05' },
    });
    const [receipt, dispatch, alta] = await app.ok('instruments.history', { id: a.id });

    for (const from of [dispatch!.id, receipt!.id]) {
      const saved = (await app.ok('movements.transferActa', { id: from })) as { status: string; path: string };
      expect(saved.status).toBe('saved');
      const text = pdfText(saved.path).replace(/\s+/g, ' ');
      expect(text).toContain('Acta de traslado de instrumentos musicales N.° ACTA-TR-7');
      expect(text).toMatch(/Establecimiento de origen E\.P\. Lurigancho/);
      expect(text).toMatch(/Establecimiento de destino E\.P\. Chorrillos/);
      expect(text).toContain('Rosa Huamán');
      expect(text).toMatch(/VIO-0001 .*05\/03\/2026 Luis Quispe/);
      expect(text).toMatch(/VIO-0002 .*Pendiente de recepción/);
      for (const line of ['Entrega (establecimiento de origen)', 'Traslada', 'Recibe (establecimiento de destino)'])
        expect(text).toContain(line);
    }
    const refused = await app.call('movements.transferActa', { id: alta!.id });
    expect(refused).toMatchObject({ ok: false, error: { message: 'El acta de traslado se imprime desde un despacho o una recepción.' } });
  });

  it('is printed in English for an English session', async () => {
    const to = await otherEstablishment(app, 'EP-CHO-01', 'E.P. Chorrillos');
    const dispatch = await dispatchMovement(app, est, to);
    await app.ok('app.setLocale', { locale: 'en' });
    const saved = (await app.ok('movements.transferActa', { id: dispatch })) as { path: string };
    const text = pdfText(saved.path).replace(/\s+/g, ' ');
    expect(text).toContain('Transfer record of musical instruments');
    expect(text).toContain('Not yet received');
    expect(text).toContain('Received (receiving establishment)');
  });
});
