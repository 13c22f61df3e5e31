import { AgreementCreate } from '../../../shared/programmes/schemas';
import { AppError, stale } from '../ipc/errors';
import { addSchemaErrors, readDateCell, refId, registerOf, textOf } from '../import/cells';
import type { ExistingRecord, FieldErrors, ImportEnv, ImportTarget, RegisterEntry } from '../import/target';
import { importFields } from '../import/target';
import { checkPartnerKept } from './agreement-links';
import * as repo from './repository';

/**
 * Agreements (convenios) from a spreadsheet: Aliado (the partner, by its name as clerks
 * write it; one the register does not know is listed for the clerk to map), Título, Objeto,
 * N.° de convenio, Inicio, Término (empty: indefinite), Observaciones, checked by the form's
 * schema (AgreementCreate).
 *
 * The key is the agreement's number (N.° de convenio): required here, though the form
 * allows an agreement without one, since without it a second import could not tell a new
 * agreement from one already registered. In 'upsert' mode a number already registered
 * updates that agreement (its partner only while nothing is recorded under it, as in the
 * form); its signed document is kept.
 */

export type AgreementRow = repo.AgreementValues;

interface Ctx {
  partners: RegisterEntry[];
  env: ImportEnv;
}

export const agreementsTarget: ImportTarget<AgreementRow, Ctx> = {
  entity: 'agreements',
  fields: importFields({
    partner: 'programmes.agreements.partner | entidad, institucion, contraparte, aliado estrategico | registro',
    title: 'programmes.agreements.titleField | titulo, nombre del convenio, convenio',
    object: 'programmes.agreements.object | objeto, finalidad, descripcion',
    documentNumber: 'programmes.agreements.documentNumber | n convenio, numero de convenio, nro convenio, numero, documento',
    startDate: 'programmes.agreements.startDate | fecha de inicio, desde, suscripcion, fecha de suscripcion',
    endDate: 'programmes.agreements.endDate | fin, hasta, vencimiento, fecha de termino | opcional',
    notes: 'programmes.common.notes | observaciones, obs, notas, comentarios | opcional',
  }),

  example: [
    {
      partner: 'Alianza Francesa de Lima',
      title: 'Convenio de cooperación cultural',
      object: 'Talleres de teatro y música en establecimientos de Lima',
      documentNumber: 'CONV-099-2026-AF-INPE',
      startDate: '15/03/2026',
      endDate: '14/03/2028',
      notes: '',
    },
  ],

  key: {
    field: 'documentNumber',
    async existing(db, numbers) {
      const found = await repo.agreementsByNumbers(db, numbers);
      return new Map<string, ExistingRecord>([...found].map(([n, a]) => [n, { id: a.id }]));
    },
    exists: (number) => ({ key: 'import.targets.agreements.exists', params: { number } }),
  },

  async prepare(db, env) {
    const partners = await repo.listPartners(db, { search: '', type: null, status: 'all' });
    return { partners: registerOf(partners, (p) => p.name), env };
  },

  register: (ctx) => ctx.partners,

  parseRow(raw, _ctx, refs) {
    const errors: FieldErrors = {};
    const partnerId = refId(refs.partner);
    if (refs.partner === null) errors.partner = { key: 'errors.required' };
    const dates: Record<'startDate' | 'endDate', string | null> = { startDate: null, endDate: null };
    for (const k of ['startDate', 'endDate'] as const) {
      const d = readDateCell(raw[k]);
      if ('error' in d) errors[k] = d.error;
      else dates[k] = d.iso;
    }
    const documentNumber = textOf(raw.documentNumber);
    if (documentNumber === '') errors.documentNumber = { key: 'errors.required' };
    const checked = AgreementCreate.safeParse({
      partnerId: partnerId ?? 1,
      title: textOf(raw.title),
      object: textOf(raw.object),
      documentNumber,
      startDate: dates.startDate ?? undefined,
      endDate: dates.endDate,
      notes: textOf(raw.notes),
    });
    if (!checked.success) addSchemaErrors(errors, checked.error, { partnerId: 'partner' });
    if (Object.keys(errors).length > 0 || !checked.success || partnerId === undefined) return { errors };
    return { values: checked.data };
  },

  async write(trx, rows, ctx, audit, mode, progress) {
    const { actor, now } = ctx.env;
    const today = repo.limaToday(now);
    const existing = await repo.agreementsByNumbers(
      trx,
      rows.map((r) => (r.values.documentNumber ?? '').toUpperCase()),
    );
    let created = 0;
    let updated = 0;
    for (const [i, { values }] of rows.entries()) {
      const found = existing.get((values.documentNumber ?? '').toUpperCase());
      if (!found) {
        const id = await repo.insertAgreement(trx, values, actor, now);
        await audit({ entity: 'agreement', entityId: id, action: 'import:create', after: await repo.getAgreement(trx, today, id) });
        created++;
      } else {
        if (mode !== 'upsert') throw new AppError('conflict', 'import.targets.agreements.exists', { number: values.documentNumber ?? '' });
        const before = await repo.getAgreement(trx, today, found.id);
        if (!before) throw new AppError('not_found', 'errors.notFound');
        await checkPartnerKept(trx, found.id, before.partnerId, values.partnerId);
        if ((await repo.updateAgreement(trx, found.id, before.version, values, actor, now)) !== 1) throw stale();
        await audit({
          entity: 'agreement',
          entityId: found.id,
          action: 'import:update',
          before,
          after: await repo.getAgreement(trx, today, found.id),
        });
        updated++;
      }
      progress(i + 1);
    }
    return { created, updated };
  },
};
