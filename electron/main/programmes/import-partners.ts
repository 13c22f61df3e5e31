import { partnerTypes } from '../../../shared/programmes/rules';
import { PartnerCreate } from '../../../shared/programmes/schemas';
import { AppError, stale } from '../ipc/errors';
import { addSchemaErrors, choiceReader, textOf } from '../import/cells';
import type { ExistingRecord, FieldErrors, ImportEnv, ImportTarget } from '../import/target';
import { importFields } from '../import/target';
import * as repo from './repository';

/**
 * Partners (aliados) from a spreadsheet: Nombre, Tipo de entidad, Contacto, Cargo, Correo,
 * Teléfono, Observaciones, checked by the form's schema (PartnerCreate). The key is the
 * name (the register refuses two partners of the same name, without regard to case or
 * accents). In 'upsert' mode a name already registered updates that partner's data;
 * whether it is active is not in the file and stays as it is.
 */

export type PartnerRow = repo.PartnerValues;

interface Ctx {
  env: ImportEnv;
}

const partnerType = choiceReader(partnerTypes, 'programmes.partnerTypes', {
  sector_publico: ['publico', 'estado', 'estatal', 'public'],
  privado: ['privada', 'empresa', 'private'],
  sociedad_civil: ['ong', 'asociacion', 'civil society'],
  cooperacion_internacional: ['cooperacion', 'internacional', 'international'],
});

/** The partners registered with these names: name as given → id. */
async function partnersByNames(db: Parameters<typeof repo.partnerIdByName>[0], names: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const name of names) {
    const id = await repo.partnerIdByName(db, name);
    if (id !== null) out.set(name, id);
  }
  return out;
}

export const partnersTarget: ImportTarget<PartnerRow, Ctx> = {
  entity: 'partners',
  fields: importFields({
    name: 'programmes.partners.name | aliado, entidad, institucion, razon social, nombre de la entidad',
    type: 'programmes.partners.type | tipo, sector, tipo de aliado',
    contactName: 'programmes.partners.contactName | persona de contacto, nombre del contacto | opcional',
    contactRole: 'programmes.partners.contactRole | cargo del contacto, area | opcional',
    contactEmail: 'programmes.partners.contactEmail | correo, email, e mail | opcional',
    contactPhone: 'programmes.partners.contactPhone | celular, telefono de contacto | opcional',
    notes: 'programmes.common.notes | observaciones, obs, notas, comentarios | opcional',
  }),

  example: [
    {
      name: 'Asociación Cultural Arte y Libertad',
      type: 'Sociedad civil',
      contactName: 'María Fernanda Salazar',
      contactRole: 'Coordinadora de proyectos',
      contactEmail: 'proyectos@arteylibertad.example',
      contactPhone: '01 445 2210',
      notes: '',
    },
  ],

  key: {
    field: 'name',
    async existing(db, names) {
      const ids = await partnersByNames(db, names);
      return new Map<string, ExistingRecord>([...ids].map(([name, id]) => [name, { id }]));
    },
    exists: (name) => ({ key: 'programmes.errors.duplicatePartner', params: { name } }),
  },

  prepare: async (_db, env) => ({ env }),

  parseRow(raw) {
    const errors: FieldErrors = {};
    const type = partnerType.read(raw.type);
    if (type === null) errors.type = { key: 'import.errors.choice', params: { options: partnerType.options } };
    const checked = PartnerCreate.safeParse({
      name: textOf(raw.name),
      type: type ?? undefined,
      contactName: textOf(raw.contactName),
      contactRole: textOf(raw.contactRole),
      contactEmail: textOf(raw.contactEmail),
      contactPhone: textOf(raw.contactPhone),
      notes: textOf(raw.notes),
    });
    if (!checked.success) addSchemaErrors(errors, checked.error);
    if (Object.keys(errors).length > 0 || !checked.success) return { errors };
    return { values: checked.data };
  },

  async write(trx, rows, ctx, audit, mode, progress) {
    const { actor, now } = ctx.env;
    let created = 0;
    let updated = 0;
    for (const [i, { values }] of rows.entries()) {
      const id = await repo.partnerIdByName(trx, values.name);
      if (id === null) {
        const newId = await repo.insertPartner(trx, values, actor, now);
        await audit({ entity: 'partner', entityId: newId, action: 'import:create', after: await repo.getPartner(trx, newId) });
        created++;
      } else {
        if (mode !== 'upsert') throw new AppError('conflict', 'programmes.errors.duplicatePartner', { name: values.name });
        const before = await repo.getPartner(trx, id);
        if (!before) throw new AppError('not_found', 'errors.notFound');
        if ((await repo.updatePartner(trx, id, before.version, values, before.active, actor, now)) !== 1) throw stale();
        await audit({ entity: 'partner', entityId: id, action: 'import:update', before, after: await repo.getPartner(trx, id) });
        updated++;
      }
      progress(i + 1);
    }
    return { created, updated };
  },
};
