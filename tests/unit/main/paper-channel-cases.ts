import { expect } from 'vitest';
import { paperChannels, paperPrefixes, type PaperChannel, type PaperPrefix } from '../../../shared/paper-channels';
import type { Case, Ctx } from '../../helpers/channel-cases';
import { saved } from '../../helpers/channel-cases';
import { paperRecords, pdfBase64 } from '../../helpers/papers';

/**
 * The signed papers' channels (issue 16, item 4) for channels.test.ts: the same four under
 * each prefix (movements, stocktakes, conformities, loans, participants) and the transfer acta,
 * one valid call each and several payloads the schemas refuse in Spanish.
 */

type Name = PaperChannel | 'movements.transferActa';

const hash = 'a'.repeat(64);
const reason = 'Verificación del consentimiento firmado';

export function paperCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const records = paperRecords(
    () => ctx().app,
    () => ctx().seeded.id,
  );
  const attached = async (p: PaperPrefix) => {
    const id = await records[p]();
    const [paper] = await ctx().app.ok(`${p}.attachPaper`, { id, fileName: 'firmado.pdf', dataBase64: pdfBase64() });
    return { id, hash: paper!.hash };
  };
  const valid = {} as Record<string, Case>;
  const invalid = {} as Record<string, unknown[]>;
  for (const p of paperPrefixes) {
    const [list, attach, remove, copy] = paperChannels(p);
    valid[list] = {
      input: async () => ({ id: (await attached(p)).id }),
      check: (d) => expect(d).toMatchObject([{ originalName: 'firmado.pdf', mime: 'application/pdf' }]),
    };
    valid[attach] = {
      input: async () => ({ id: await records[p](), fileName: 'firmado.pdf', dataBase64: pdfBase64() }),
      check: (d) => expect(d).toMatchObject([{ originalName: 'firmado.pdf', addedBy: expect.any(String) }]),
    };
    valid[remove] = { input: () => attached(p), check: (d) => expect(d).toEqual([]) };
    valid[copy] = { input: async () => ({ ...(await attached(p)), ...(p === 'participants' ? { reason } : {}) }), check: saved };
    invalid[list] = [{}, { id: 'uno' }, { id: 0 }, { id: 1, extra: true }];
    invalid[attach] = [
      { id: 1, fileName: '', dataBase64: pdfBase64() },
      { id: 1, fileName: 'a.pdf', dataBase64: 'no es base64!' },
      { id: 1, fileName: 'a.pdf' },
      { fileName: 'a.pdf', dataBase64: pdfBase64() },
    ];
    invalid[remove] = [{ id: 1 }, { id: 1, hash: 'abc' }, { id: -1, hash }];
    invalid[copy] = [
      { id: 1 },
      { id: 1, hash: 'xyz' },
      ...(p === 'participants'
        ? [
            { id: 1, hash },
            { id: 1, hash, reason: 'x' },
          ]
        : []),
    ];
  }
  valid['movements.transferActa'] = {
    input: async () => ({ id: await records.movements() }),
    check: saved,
  };
  invalid['movements.transferActa'] = [{}, { id: 'uno' }, { id: 1, extra: 1 }];
  return { valid: valid as { [K in Name]: Case }, invalid: invalid as { [K in Name]: unknown[] } };
}
