import sharp from 'sharp';
import type { PaperPrefix } from '../../shared/paper-channels';
import { budget, authorise, conformityInput, period, signedContract, teacher, type Ok } from './contracts';
import { createArtwork, createExhibition, recordConsent } from './internarte';
import { newViolin, validEstablishment, type TestApp } from './services';

/** Records that file signed papers (issue 16, item 4), one maker per prefix, and the files to attach. */

export const pdfBase64 = (text = 'Recibo por honorarios E001-45') =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`).toString('base64');

export const jpegBase64 = async (color = '#3a6'): Promise<string> =>
  (
    await sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
      .jpeg()
      .toBuffer()
  ).toString('base64');

/** The id of a dispatch (despacho) of a new instrument from `from` to `to`. */
export async function dispatchMovement(app: TestApp, from: number, to: number, code = 'INS-TR-001'): Promise<number> {
  const i = await app.ok('instruments.create', newViolin(code, from));
  await app.ok('instruments.move', {
    instrumentIds: [i.id],
    movement: { kind: 'despacho', toEstablishmentId: to, date: '2026-03-02', documentNumber: 'ACTA-TR-7', person: 'Rosa Huamán' },
  });
  const history = await app.ok('instruments.history', { id: i.id });
  return history.find((m) => m.kind === 'despacho')!.id;
}

/** A second establishment for a transfer's destination. */
export const otherEstablishment = async (app: TestApp, code = 'EP-DEST-01', name = 'E.P. Destino'): Promise<number> =>
  (await app.ok('establishments.create', validEstablishment({ code, name }))).id;

/** Each prefix's record, made in the establishment `est`: its id. */
export function paperRecords(app: () => TestApp, est: () => number): Record<PaperPrefix, () => Promise<number>> {
  const ok: Ok = (name, input) => app().ok(name, input);
  return {
    movements: async () => {
      const to = await otherEstablishment(app());
      return dispatchMovement(app(), est(), to);
    },
    stocktakes: async () => (await app().ok('stocktakes.open', { establishmentId: est() })).id,
    conformities: async () => {
      const t = (await teacher(ok)).id;
      await authorise(ok, t, est());
      await budget(ok);
      if (period(4).slice(0, 4) !== period(0).slice(0, 4)) await budget(ok, Number(period(4).slice(0, 4)));
      const c = await signedContract(ok, t, est());
      return (await ok('conformities.create', conformityInput(c.id, -2))).id;
    },
    loans: async () => {
      const a = await createArtwork(app(), est(), { title: 'Vasija ceremonial' });
      await recordConsent(app(), a.id);
      const ex = await createExhibition(app());
      await app().ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [a.id] });
      const loan = await app().ok('exhibitions.lend', {
        exhibitionId: ex.id,
        artworkId: a.id,
        lentOn: '2026-10-25',
        insuranceCentimos: 500000,
        conditionOut: 'Buen estado',
      });
      return loan.id;
    },
    participants: async () =>
      (
        await app().ok('participants.create', {
          code: 'INT-2026-0042',
          firstNames: 'Juan',
          lastNames: 'Pérez Quispe',
          sex: 'masculino',
          birthYear: 1988,
          establishmentId: est(),
          date: '2026-01-15',
        })
      ).id,
  };
}
