import type { Knex } from 'knex';
import type { ChannelName } from '../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import { addDays } from '../../shared/format';
import { lastDayOf, limaToday, nextPeriod, periodOf, previousPeriod } from '../../shared/contracts/rules';

/**
 * Fixtures of the contracts area, relative to today (Lima) so that "vencido", "por vencer"
 * and "months that have ended" mean the same whenever the tests run. `ok` is a test app's
 * or the harness's "call this channel and answer its data".
 */
export type Ok = <K extends ChannelName>(name: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;

export const today = () => limaToday(new Date().toISOString());
export const period = (monthsFromNow: number) => {
  let p = periodOf(today());
  for (let i = 0; i < Math.abs(monthsFromNow); i++) p = monthsFromNow > 0 ? nextPeriod(p) : previousPeriod(p);
  return p;
};
export const firstDay = (monthsFromNow: number) => `${period(monthsFromNow)}-01`;
export const lastDay = (monthsFromNow: number) => lastDayOf(period(monthsFromNow));
export const daysFromNow = (n: number) => addDays(today(), n);

/** Real-looking people: DNI and a RUC 10 carrying it with a correct check digit. */
export const people = {
  rosa: { dni: '46849786', ruc: '10468497862', firstNames: 'Rosa Elena', lastNames: 'Quispe Mamani', sex: 'F' as const },
  julio: { dni: '07654321', ruc: '10076543211', firstNames: 'Julio César', lastNames: 'Ramos Huamán', sex: 'M' as const },
  carmen: { dni: '12345678', ruc: null, firstNames: 'Carmen', lastNames: 'Rojas Salas', sex: 'F' as const },
};

export async function teacher(ok: Ok, who: keyof typeof people = 'rosa', over: Partial<ChannelInput<'teachers.create'>> = {}) {
  return ok('teachers.create', { ...people[who], disciplines: ['musica'], specialties: ['Violín'], ...over });
}

export async function authorise(ok: Ok, teacherId: number, establishmentId: number, validFrom = firstDay(-12), validTo = lastDay(12)) {
  return ok('teachers.saveAuthorisation', {
    teacherId,
    establishmentId,
    validFrom,
    validTo,
    documentNumber: 'Oficio N° 101-2026-INPE/OGT',
  });
}

export const contractInput = (
  teacherId: number,
  establishmentId: number,
  over: Partial<ChannelInput<'contracts.create'>> = {},
): ChannelInput<'contracts.create'> => ({
  teacherId,
  modality: 'orden_servicio',
  number: 'OS N° 0123-2026',
  object: 'Servicio de enseñanza de violín para el taller INPE Orquestando',
  startDate: firstDay(-5),
  endDate: lastDay(4),
  amountType: 'mensual',
  amountCentimos: 250_000,
  hoursPerWeek: 12,
  budgetLine: 'docentes',
  establishments: [{ establishmentId }],
  ...over,
});

/** A budget large enough for what the tests sign, for this year and the next. */
export async function budget(ok: Ok, year = Number(today().slice(0, 4)), docentes = 50_000_000) {
  return ok('budget.save', {
    year,
    exchangeRate: 3.4,
    lines: { instrumentos: 20_000_000, docentes, capacitacion: 4_000_000, materiales: 1_800_000, eventos: 1_200_000 },
    version: null,
  });
}

/** A signed contract in force (a budget for every year it touches first). */
export async function signedContract(
  ok: Ok,
  teacherId: number,
  establishmentId: number,
  over: Partial<ChannelInput<'contracts.create'>> = {},
) {
  const { contract } = await ok('contracts.create', contractInput(teacherId, establishmentId, over));
  return (
    await ok('contracts.activate', { id: contract.id, version: contract.version, signedOn: contract.startDate, confirmOverBudget: true })
  ).contract;
}

export const conformityInput = (
  contractId: number,
  monthsFromNow: number,
  over: Partial<ChannelInput<'conformities.create'>> = {},
): ChannelInput<'conformities.create'> => ({
  contractId,
  period: period(monthsFromNow),
  deliverable: `Informe mensual de actividades ${period(monthsFromNow)}`,
  conformityDate: firstDay(monthsFromNow + 1),
  givenBy: 'Lic. Ana Torres, Coordinadora de Arte y Cultura',
  receiptNumber: `E001-${100 - monthsFromNow}`,
  receiptDate: lastDay(monthsFromNow),
  grossCentimos: 250_000,
  ...over,
});

/** A workshop's name typed in a contract before links existed (as migration 0013 leaves it): the text and its "sin vincular" item. */
export async function carriedOverWorkshop(db: Knex, contractId: number, establishmentId: number, text: string): Promise<number> {
  await db('contract_establishments').where({ contract_id: contractId, establishment_id: establishmentId }).update({ workshops: text });
  const [row] = (await db('contract_workshop_reviews').insert(
    {
      contract_id: contractId,
      establishment_id: establishmentId,
      original_text: text,
      status: 'pendiente',
      created_at: '2026-12-04T15:00:00.000Z',
    },
    ['id'],
  )) as Array<{ id: number } | number>;
  return typeof row === 'object' ? Number(row.id) : Number(row);
}
