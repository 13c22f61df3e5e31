import type { Discipline } from '../../../shared/contracts/rules';

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
export const demoTeachers: DemoTeacher[] = [
  { first: 'Rosa Elena', last: 'Quispe Mamani', sex: 'F', disciplines: ['musica'], specialties: ['Violín', 'Viola'], ruc: true },
  {
    first: 'Julio César',
    last: 'Ramos Huamán',
    sex: 'M',
    disciplines: ['musica'],
    specialties: ['Trompeta', 'Dirección de banda'],
    ruc: true,
    suspension: true,
  },
  {
    first: 'Carmen',
    last: 'Rojas Salas',
    sex: 'F',
    disciplines: ['canto_coral', 'musica'],
    specialties: ['Dirección coral', 'Piano'],
    ruc: false,
  },
  {
    first: 'Víctor Hugo',
    last: 'Flores Condori',
    sex: 'M',
    disciplines: ['musica'],
    specialties: ['Percusión', 'Cajón peruano'],
    ruc: true,
  },
  {
    first: 'María del Pilar',
    last: 'Chávez Torres',
    sex: 'F',
    disciplines: ['ceramica', 'escultura'],
    specialties: ['Cerámica de alta temperatura', 'Torno'],
    ruc: true,
  },
  {
    first: 'José Luis',
    last: 'Vargas Paredes',
    sex: 'M',
    disciplines: ['musica'],
    specialties: ['Clarinete', 'Saxofón alto'],
    ruc: true,
  },
  { first: 'Ana Lucía', last: 'Cárdenas Espinoza', sex: 'F', disciplines: ['pintura'], specialties: ['Óleo', 'Muralismo'], ruc: true },
  {
    first: 'Edwin',
    last: 'Ccahuana Villanueva',
    sex: 'M',
    disciplines: ['musica'],
    specialties: ['Charango', 'Guitarra clásica'],
    ruc: true,
    suspension: true,
  },
  { first: 'Gladys', last: 'Mamani Apaza', sex: 'F', disciplines: ['teatro'], specialties: ['Actuación', 'Títeres'], ruc: true },
  {
    first: 'Miguel Ángel',
    last: 'Torres Ramos',
    sex: 'M',
    disciplines: ['musica'],
    specialties: ['Violonchelo', 'Contrabajo'],
    ruc: true,
  },
  {
    first: 'Milagros',
    last: 'Salas Huamán',
    sex: 'F',
    disciplines: ['danza'],
    specialties: ['Danzas folclóricas', 'Marinera'],
    ruc: false,
  },
  {
    first: 'Wilfredo',
    last: 'Paredes Quispe',
    sex: 'M',
    disciplines: ['musica', 'canto_coral'],
    specialties: ['Guitarra clásica', 'Técnica vocal'],
    ruc: true,
  },
];
