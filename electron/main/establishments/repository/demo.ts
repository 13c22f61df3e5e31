import type { Knex } from 'knex';
import { normalizeText } from '../../../../shared/format';
import type { Population } from '../../../../shared/establishments/schemas';
import type { Row } from '../../db/rows';

/**
 * Establishments for the demonstration dataset and the bench: named after INPE's
 * establishments as publicly known, by regional office. Demonstration data, not an
 * official registry: codes are invented and details may differ.
 */
export const demoEstablishments: ReadonlyArray<readonly [region: string, name: string, city: string, population: Population]> = [
  ['LIM', 'E.P. de Lurigancho', 'San Juan de Lurigancho', 'varones'],
  ['LIM', 'E.P. Miguel Castro Castro', 'San Juan de Lurigancho', 'varones'],
  ['LIM', 'E.P. Ancón I', 'Ancón', 'varones'],
  ['LIM', 'E.P. Modelo Ancón II', 'Ancón', 'mixto'],
  ['LIM', 'E.P. del Callao', 'Callao', 'varones'],
  ['LIM', 'E.P. de Mujeres de Chorrillos', 'Chorrillos', 'mujeres'],
  ['LIM', 'E.P. Anexo de Mujeres de Chorrillos', 'Chorrillos', 'mujeres'],
  ['LIM', 'E.P. Virgen de Fátima', 'Chorrillos', 'mujeres'],
  ['LIM', 'E.P. de Huacho', 'Huacho', 'mixto'],
  ['LIM', 'E.P. de Huaral', 'Huaral', 'varones'],
  ['LIM', 'E.P. de Cañete', 'San Vicente de Cañete', 'mixto'],
  ['LIM', 'E.P. de Ica', 'Ica', 'mixto'],
  ['LIM', 'E.P. de Chincha', 'Chincha Alta', 'varones'],
  ['LIM', 'E.P. de Huaraz', 'Huaraz', 'mixto'],
  ['NOR', 'E.P. de Chiclayo', 'Chiclayo', 'mixto'],
  ['NOR', 'E.P. de Trujillo', 'Trujillo', 'varones'],
  ['NOR', 'E.P. de Mujeres de Trujillo', 'Trujillo', 'mujeres'],
  ['NOR', 'E.P. de Piura', 'Piura', 'mixto'],
  ['NOR', 'E.P. de Sullana', 'Sullana', 'varones'],
  ['NOR', 'E.P. de Tumbes', 'Tumbes', 'mixto'],
  ['NOR', 'E.P. de Cajamarca', 'Cajamarca', 'mixto'],
  ['NOR', 'E.P. de Chota', 'Chota', 'varones'],
  ['NOR', 'E.P. de Jaén', 'Jaén', 'mixto'],
  ['NOR', 'E.P. de San Ignacio', 'San Ignacio', 'varones'],
  ['NOR', 'E.P. de Chimbote', 'Chimbote', 'mixto'],
  ['NOR', 'E.P. de Huamachuco', 'Huamachuco', 'varones'],
  ['SUR', 'E.P. de Arequipa', 'Arequipa', 'varones'],
  ['SUR', 'E.P. de Mujeres de Arequipa', 'Arequipa', 'mujeres'],
  ['SUR', 'E.P. de Camaná', 'Camaná', 'mixto'],
  ['SUR', 'E.P. de Moquegua', 'Moquegua', 'mixto'],
  ['SUR', 'E.P. de Tacna', 'Tacna', 'varones'],
  ['SUR', 'E.P. de Mujeres de Tacna', 'Tacna', 'mujeres'],
  ['CEN', 'E.P. de Huancayo', 'Huancayo', 'varones'],
  ['CEN', 'E.P. de Mujeres de Concepción', 'Concepción', 'mujeres'],
  ['CEN', 'E.P. de Jauja', 'Jauja', 'varones'],
  ['CEN', 'E.P. de La Oroya', 'La Oroya', 'varones'],
  ['CEN', 'E.P. de Tarma', 'Tarma', 'mixto'],
  ['CEN', 'E.P. de Huancavelica', 'Huancavelica', 'mixto'],
  ['CEN', 'E.P. de Ayacucho', 'Ayacucho', 'mixto'],
  ['CEN', 'E.P. de Chanchamayo', 'La Merced', 'mixto'],
  ['CEN', 'E.P. de Satipo', 'Satipo', 'mixto'],
  ['CEN', 'E.P. de Río Negro', 'Río Negro', 'varones'],
  ['ORI', 'E.P. de Huánuco', 'Huánuco', 'mixto'],
  ['ORI', 'E.P. de Cerro de Pasco', 'Cerro de Pasco', 'mixto'],
  ['ORI', 'E.P. de La Unión', 'La Unión', 'varones'],
  ['ORI', 'E.P. de Pucallpa', 'Pucallpa', 'mixto'],
  ['ORI', 'E.P. de Tingo María', 'Tingo María', 'varones'],
  ['SOR', 'E.P. de Cusco', 'Cusco', 'varones'],
  ['SOR', 'E.P. de Mujeres de Cusco', 'Cusco', 'mujeres'],
  ['SOR', 'E.P. de Abancay', 'Abancay', 'mixto'],
  ['SOR', 'E.P. de Andahuaylas', 'Andahuaylas', 'mixto'],
  ['SOR', 'E.P. de Quillabamba', 'Quillabamba', 'mixto'],
  ['SOR', 'E.P. de Sicuani', 'Sicuani', 'varones'],
  ['SOR', 'E.P. de Puerto Maldonado', 'Puerto Maldonado', 'mixto'],
  ['NOT', 'E.P. de Tarapoto', 'Tarapoto', 'varones'],
  ['NOT', 'E.P. de Moyobamba', 'Moyobamba', 'mixto'],
  ['NOT', 'E.P. de Juanjuí', 'Juanjuí', 'mixto'],
  ['NOT', 'E.P. de Chachapoyas', 'Chachapoyas', 'mixto'],
  ['NOT', 'E.P. de Bagua Grande', 'Bagua Grande', 'mixto'],
  ['NOT', 'E.P. de Iquitos', 'Iquitos', 'varones'],
  ['NOT', 'E.P. de Mujeres de Iquitos', 'Iquitos', 'mujeres'],
  ['NOT', 'E.P. de Yurimaguas', 'Yurimaguas', 'mixto'],
  ['ALT', 'E.P. de Puno', 'Puno', 'varones'],
  ['ALT', 'E.P. de Juliaca', 'Juliaca', 'varones'],
  ['ALT', 'E.P. de Mujeres de Lampa', 'Lampa', 'mujeres'],
  ['ALT', 'E.P. de Challapalca', 'Tarata', 'varones'],
  ['ALT', 'E.P. de Azángaro', 'Azángaro', 'varones'],
  ['ALT', 'E.P. de Ilave', 'Ilave', 'mixto'],
  ['ALT', 'E.P. de Lampa', 'Lampa', 'varones'],
];

/** The seven establishments of the programme today: five for men, two for women. */
export const demoProgrammeEstablishments = new Set([
  'E.P. de Lurigancho',
  'E.P. Miguel Castro Castro',
  'E.P. Ancón I',
  'E.P. del Callao',
  'E.P. de Arequipa',
  'E.P. de Mujeres de Chorrillos',
  'E.P. Virgen de Fátima',
]);

/** About how many people each establishment of the programme holds (men, women): demonstration figures, not official ones. */
const demoHeadcounts: Record<string, readonly [men: number, women: number]> = {
  'E.P. de Lurigancho': [10150, 0],
  'E.P. Miguel Castro Castro': [1820, 0],
  'E.P. Ancón I': [2410, 0],
  'E.P. del Callao': [3260, 0],
  'E.P. de Arequipa': [1980, 0],
  'E.P. de Mujeres de Chorrillos': [0, 760],
  'E.P. Virgen de Fátima': [0, 340],
};

/** The last day of the month `back` months before the month of `today` (yyyy-mm-dd). */
function monthEnd(today: string, back: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - back + 1, 0)).toISOString().slice(0, 10);
}

/**
 * Two or three dated headcounts of each establishment of the programme (issue 15): the ends of
 * the last months, the population drifting a little from one to the next, as INPE's monthly
 * statistics report them; women's prisons hold women, the mixed ones mostly men.
 */
export async function generateDemoPopulation(
  db: Knex,
  establishmentIds: readonly number[],
  actor: { name: string },
  now: string,
): Promise<void> {
  const today = new Date(Date.parse(now) - 5 * 3600 * 1000).toISOString().slice(0, 10);
  const rows = (await db('establishments')
    .whereIn('id', [...establishmentIds])
    .orderBy('id')
    .select('id', 'name', 'population')) as Array<{
    id: number;
    name: string;
    population: Population;
  }>;
  const counts = rows.flatMap((e, k) => {
    const size = 400 + ((k * 389) % 1600);
    const [men, women] =
      demoHeadcounts[e.name] ??
      (e.population === 'mujeres' ? [0, size / 2] : e.population === 'mixto' ? [size * 0.85, size * 0.15] : [size, 0]);
    const months = k % 2 === 0 ? [7, 4, 1] : [5, 1];
    return months.map((back, j) => {
      const drift = 1 - (months.length - 1 - j) * 0.025 + (k % 3) * 0.004;
      return {
        establishment_id: e.id,
        counted_on: monthEnd(today, back),
        men: Math.round(men * drift),
        women: Math.round(women * drift),
        source: j === months.length - 1 ? 'Informe estadístico mensual (demostración)' : 'Oficio de la dirección del E.P. (demostración)',
        recorded_at: now,
        recorded_by: actor.name,
      };
    });
  });
  for (let i = 0; i < counts.length; i += 300) await db('population_counts').insert(counts.slice(i, i + 300));
}

// ── The demonstration's staff ───────────────────────────────────────────────────

const demoStaffNames = [
  ['Luis Quispe Huamán', 'Coordinador de tratamiento'],
  ['Rosa Mamani Flores', 'Técnica de educación'],
  ['Carlos Huamán Ríos', 'Encargado de almacén'],
  ['Ana Flores Condori', 'Psicóloga'],
  ['Jorge Chávez Salas', 'Técnico de seguridad'],
  ['María Condori Ramos', 'Trabajadora social'],
] as const;

/** Three staff members per establishment (demonstration and bench data), answered by establishment. */
export async function generateDemoStaff(
  db: Knex,
  establishmentIds: number[],
  actor: { name: string },
  now: string,
): Promise<Map<number, Array<{ id: number; name: string }>>> {
  const out = new Map<number, Array<{ id: number; name: string }>>();
  const rows = establishmentIds.flatMap((e, k) =>
    [0, 1, 2].map((j) => {
      const [name, role] = demoStaffNames[(k + j * 2) % demoStaffNames.length]!;
      return {
        establishment_id: e,
        full_name: name,
        name_key: normalizeText(name),
        role,
        active: true,
        version: 1,
        created_at: now,
        created_by: actor.name,
        updated_at: now,
        updated_by: actor.name,
      };
    }),
  );
  for (let i = 0; i < rows.length; i += 300) await db('staff_members').insert(rows.slice(i, i + 300));
  for (const r of (await db('staff_members').select('id', 'full_name', 'establishment_id')) as Row[]) {
    const e = Number(r.establishment_id);
    out.set(e, [...(out.get(e) ?? []), { id: Number(r.id), name: String(r.full_name) }]);
  }
  return out;
}
