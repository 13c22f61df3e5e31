import { disciplines, type Discipline } from '../../../shared/contracts/rules';

/**
 * The demonstration and bench data that contracts/demo.ts draws from: the names, the specialties
 * and workshops of each discipline, and the demonstration's twelve teachers. Fictitious, like the rest of the demonstration.
 */

export const firstNamesF = [
  'Rosa Elena',
  'Carmen',
  'María del Pilar',
  'Ana Lucía',
  'Gladys',
  'Milagros',
  'Silvia',
  'Patricia',
  'Yolanda',
  'Karina',
];
export const firstNamesM = [
  'Julio César',
  'Víctor Hugo',
  'José Luis',
  'Edwin',
  'Miguel Ángel',
  'Wilfredo',
  'Alberto',
  'Raúl',
  'Percy',
  'Hernán',
];
export const surnames = [
  'Quispe',
  'Mamani',
  'Huamán',
  'Rojas',
  'Salas',
  'Flores',
  'Chávez',
  'Torres',
  'Ramos',
  'Condori',
  'Vargas',
  'Paredes',
  'Cárdenas',
  'Espinoza',
  'Ccahuana',
  'Villanueva',
];
export const specialtiesByDiscipline: Record<Discipline, string[]> = {
  musica: [
    'Violín',
    'Viola',
    'Violonchelo',
    'Trompeta',
    'Clarinete',
    'Saxofón alto',
    'Percusión',
    'Guitarra clásica',
    'Charango',
    'Piano',
    'Dirección de banda',
  ],
  canto_coral: ['Dirección coral', 'Técnica vocal'],
  ceramica: ['Cerámica de alta temperatura', 'Torno', 'Esmaltes'],
  pintura: ['Óleo', 'Acuarela', 'Muralismo'],
  escultura: ['Tallado en madera', 'Modelado'],
  teatro: ['Actuación', 'Títeres'],
  danza: ['Danzas folclóricas', 'Marinera'],
  otro: ['Fotografía'],
};
export const workshopsByDiscipline: Record<Discipline, string> = {
  musica: 'INPE Orquestando: banda sinfónica',
  canto_coral: 'Coro polifónico',
  ceramica: 'Cerámica de alta temperatura',
  pintura: 'Artes plásticas: pintura',
  escultura: 'Artes plásticas: escultura',
  teatro: 'Arte sin Barreras: teatro',
  danza: 'Danza',
  otro: 'Taller de artes',
};

/** The demonstration's twelve teachers, in the programme's prisons (the order places them). */
export type DemoTeacher = {
  first: string;
  last: string;
  sex: 'F' | 'M';
  disciplines: Discipline[];
  specialties: string[];
  ruc: boolean;
  suspension?: boolean;
};
/**
 * One teacher a line: first names | surnames | sex | disciplines | specialties | "con RUC"
 * (an invoicing teacher) and "suspensión" (one with a fourth-category suspension), or —.
 */
const teacherLines = [
  'Rosa Elena | Quispe Mamani | F | musica | Violín, Viola | con RUC',
  'Julio César | Ramos Huamán | M | musica | Trompeta, Dirección de banda | con RUC suspensión',
  'Carmen | Rojas Salas | F | canto_coral, musica | Dirección coral, Piano | —',
  'Víctor Hugo | Flores Condori | M | musica | Percusión, Cajón peruano | con RUC',
  'María del Pilar | Chávez Torres | F | ceramica, escultura | Cerámica de alta temperatura, Torno | con RUC',
  'José Luis | Vargas Paredes | M | musica | Clarinete, Saxofón alto | con RUC',
  'Ana Lucía | Cárdenas Espinoza | F | pintura | Óleo, Muralismo | con RUC',
  'Edwin | Ccahuana Villanueva | M | musica | Charango, Guitarra clásica | con RUC suspensión',
  'Gladys | Mamani Apaza | F | teatro | Actuación, Títeres | con RUC',
  'Miguel Ángel | Torres Ramos | M | musica | Violonchelo, Contrabajo | con RUC',
  'Milagros | Salas Huamán | F | danza | Danzas folclóricas, Marinera | —',
  'Wilfredo | Paredes Quispe | M | musica, canto_coral | Guitarra clásica, Técnica vocal | con RUC',
];

/** A line of the table as a teacher; a discipline outside the list or a sex other than F or M is a mistake in the table. */
function demoTeacher(line: string): DemoTeacher {
  const [first, last, sex, fields, specialties, flags] = line.split(' | ') as [string, string, string, string, string, string];
  const known = fields.split(', ').map((field) => disciplines.find((d) => d === field));
  if (sex !== 'F' && sex !== 'M') throw new Error(`demo teacher: ${line}`);
  if (!known.every((d): d is Discipline => d !== undefined)) throw new Error(`demo teacher: ${line}`);
  return {
    first,
    last,
    sex,
    disciplines: known,
    specialties: specialties.split(', '),
    ruc: flags.includes('con RUC'),
    ...(flags.includes('suspensión') ? { suspension: true } : {}),
  };
}

export const demoTeachers: DemoTeacher[] = teacherLines.map(demoTeacher);
