import { normalizeText } from '../../../../shared/format';
import { dayMs, isoDay, partnersDemo, type DemoContext } from '../demo-data';

/**
 * The demonstration's partners (programmes/demo.ts calls it first): the institutions, their
 * agreements (one about to expire) and two donations. Returns the partners' ids, in order.
 */
export async function insertDemoPartners({ db, stamp, today, year, now, actor }: DemoContext): Promise<number[]> {
  const partnerIds: number[] = [];
  for (const [name, type, role, email] of partnersDemo) {
    const [r] = (await db('partners')
      .insert({
        name,
        name_key: normalizeText(name),
        type,
        contact_name: null,
        contact_role: role,
        contact_email: email,
        contact_phone: null,
        active: true,
        notes: null,
        ...stamp,
      })
      .returning('id')) as Array<{ id: number }>;
    partnerIds.push(r!.id);
  }
  const soon = isoDay(Date.parse(today) + 40 * dayMs);
  const agreementIds = (await db('agreements')
    .insert([
      {
        partner_id: partnerIds[0],
        title: 'Convenio «Arte sin Barreras»',
        object: 'Puestas en escena y talleres de artes escénicas para la población penitenciaria de Lima.',
        document_number: 'CONV-012-2025-MML-INPE',
        start_date: `${year - 1}-03-01`,
        end_date: `${year + 1}-02-28`,
        document_hash: null,
        notes: null,
        ...stamp,
      },
      {
        partner_id: partnerIds[1],
        title: 'Convenio de educación artística',
        object: 'Certificación de aprendizajes musicales en el marco de la Educación Básica Alternativa.',
        document_number: 'CONV-045-2024-MINEDU',
        start_date: `${year - 2}-01-15`,
        end_date: soon,
        document_hash: null,
        notes: null,
        ...stamp,
      },
      {
        partner_id: partnerIds[2],
        title: 'Fiesta de la Música en los penales',
        object: 'Conciertos de la Fiesta de la Música con artistas invitados.',
        document_number: null,
        start_date: `${year}-05-01`,
        end_date: `${year + 1}-04-30`,
        document_hash: null,
        notes: null,
        ...stamp,
      },
      {
        partner_id: partnerIds[3],
        title: 'InternArte: otra forma de libertad',
        object: 'Exposición de artes plásticas de internos en el museo.',
        document_number: 'CONV-PUCP-IRA-07',
        start_date: `${year - 1}-09-01`,
        end_date: null,
        document_hash: null,
        notes: null,
        ...stamp,
      },
    ])
    .returning('id')) as Array<{ id: number }>;
  // Both donations were made under their partner's agreement (issue 15).
  const donations: Array<[partner: number, day: string, description: string, centimos: number]> = [
    [2, '06-21', 'Juegos de cuerdas y atriles para la banda de Lurigancho', 480000],
    [0, '04-10', 'Vestuario y escenografía para «Arte sin Barreras»', 1250000],
  ];
  await db('partner_donations').insert(
    donations.map(([k, day, description, centimos]) => ({
      partner_id: partnerIds[k],
      date: `${year}-${day}`,
      description,
      value_centimos: centimos,
      agreement_id: agreementIds[k]!.id,
      recorded_at: now,
      recorded_by: actor.name,
    })),
  );
  return partnerIds;
}
