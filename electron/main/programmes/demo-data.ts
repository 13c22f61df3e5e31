import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import type { EnsembleType, Programme, Voice } from '../../../shared/programmes/rules';
import type { firstVersion } from '../db/writes';

/**
 * The programme's demonstration data (programmes/demo.ts and its sibling generators draw from
 * it): invented names, the workshops, partners, ensembles and the season's
 * events. Fictitious, like the rest of the demonstration.
 */

/** What the demonstration's generators share: the database, the stamp of every row, the day, who records. */
export interface DemoContext {
  db: Knex;
  stamp: ReturnType<typeof firstVersion>;
  today: string;
  year: number;
  now: string;
  actor: Actor;
}

/**
 * The year of the demonstration's workshops, which start on 2 March and meet weekly: this
 * year's once their first two sessions are held (the 9th), otherwise last year's. A
 * demonstration loaded in January has a term of sessions to show, and the attendance
 * template's example (the band's first two sessions) is never dated in the future.
 */
export const programmeYear = (today: string): number => {
  const year = Number(today.slice(0, 4));
  return today >= `${year}-03-09` ? year : year - 1;
};

export const menNames = [
  'Luis',
  'Carlos',
  'Jorge',
  'José',
  'Miguel',
  'Juan',
  'Pedro',
  'Víctor',
  'Julio',
  'Raúl',
  'César',
  'Walter',
  'Hugo',
  'Marco',
  'Édgar',
  'Fredy',
  'Wilmer',
  'Néstor',
  'Percy',
  'Rubén',
];
export const womenNames = [
  'María',
  'Rosa',
  'Ana',
  'Carmen',
  'Elena',
  'Gladys',
  'Lucía',
  'Norma',
  'Sonia',
  'Yolanda',
  'Flor',
  'Pilar',
  'Teresa',
  'Marleny',
  'Judith',
  'Maribel',
];
export const surnames = [
  'Quispe',
  'Mamani',
  'Huamán',
  'Flores',
  'Chávez',
  'Condori',
  'Rojas',
  'Ramos',
  'Torres',
  'Salas',
  'Vargas',
  'Gutiérrez',
  'Mendoza',
  'Cárdenas',
  'Apaza',
  'Ccori',
  'Huanca',
  'Paredes',
  'Soto',
  'Villanueva',
  'Yupanqui',
  'Ticona',
  'Espinoza',
  'Castillo',
];

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dayMs = 86_400_000;

export interface WorkshopPlan {
  name: string;
  programme: Programme;
  discipline: string;
  teachers: string;
  schedule: string;
  capacity: number;
}

export const plans: WorkshopPlan[] = [
  {
    name: 'Banda sinfónica — vientos y percusión',
    programme: 'inpe_orquestando',
    discipline: 'Vientos y percusión',
    teachers: 'Prof. Julio Ramos',
    schedule: 'Lun y mié 9:00–11:00',
    capacity: 40,
  },
  {
    name: 'Cuerdas frotadas (violín y viola)',
    programme: 'inpe_orquestando',
    discipline: 'Violín y viola',
    teachers: 'Prof. Carmen Rojas',
    schedule: 'Mar y jue 9:00–11:00',
    capacity: 30,
  },
  {
    name: 'Canto coral',
    programme: 'inpe_orquestando',
    discipline: 'Canto coral',
    teachers: 'Prof. Elena Torres',
    schedule: 'Vie 14:00–17:00',
    capacity: 40,
  },
  {
    name: 'Cerámica de alta temperatura',
    programme: 'ceramica',
    discipline: 'Cerámica y escultura',
    teachers: 'Mtra. Rosa Huamán (ceramista)',
    schedule: 'Mar y jue 14:00–17:00',
    capacity: 25,
  },
  {
    name: 'Pintura y dibujo',
    programme: 'artes_plasticas',
    discipline: 'Pintura',
    teachers: 'Prof. Víctor Salas',
    schedule: 'Mié 14:00–17:00',
    capacity: 25,
  },
  {
    name: 'Teatro — Arte sin Barreras',
    programme: 'artes_escenicas',
    discipline: 'Teatro',
    teachers: 'Elenco invitado de la Municipalidad de Lima',
    schedule: 'Sáb 9:00–12:00',
    capacity: 30,
  },
];

export const partnersDemo: Array<[string, string, string, string]> = [
  ['Municipalidad Metropolitana de Lima', 'sector_publico', 'Gerencia de Cultura', 'cultura@munlima.example'],
  ['Ministerio de Educación (MINEDU)', 'sector_publico', 'Dirección de Educación Básica Alternativa', 'eba@minedu.example'],
  ['Alianza Francesa de Lima', 'sociedad_civil', 'Coordinación cultural', 'cultura@alianzafrancesa.example'],
  ['Museo de Artes y Tradiciones Populares — Instituto Riva-Agüero (PUCP)', 'privado', 'Dirección del museo', 'museo.ira@pucp.example'],
  ['Festival de Cine de Lima', 'privado', 'Programación', 'festival@cine.example'],
];

/** The ensembles an establishment may form: type, label, director. */
export const ensemblePlans: Array<[EnsembleType, string, string]> = [
  ['banda_sinfonica', 'Banda sinfónica', 'Prof. Julio Ramos'],
  ['coro_polifonico', 'Coro polifónico', 'Prof. Elena Torres'],
  ['ensamble_percusion', 'Ensamble de percusión', 'Prof. Marco Salas'],
  ['orquesta_sinfonica', 'Orquesta sinfónica', 'Prof. Carmen Rojas'],
];
/** The members' parts, from the list: an instrument type's name, or a voice (voiceParts). */
export const parts: Record<EnsembleType, string[]> = {
  banda_sinfonica: ['Trompeta', 'Clarinete', 'Trombón', 'Tuba', 'Saxofón alto', 'Tambor redoblante'],
  coro_polifonico: ['Soprano', 'Contralto', 'Tenor', 'Bajo'],
  ensamble_percusion: ['Cajón peruano', 'Bombo andino', 'Tambor redoblante', 'Congas', 'Quijada de burro'],
  orquesta_sinfonica: ['Violín', 'Violín', 'Viola', 'Violonchelo', 'Contrabajo', 'Flauta traversa'],
  otro: ['Cajón peruano'],
};
/** The choir's parts: the voice each names. */
export const voiceParts: Record<string, Voice> = { Soprano: 'soprano', Contralto: 'contralto', Tenor: 'tenor', Bajo: 'bajo' };

/** The season's events: type, title, month, day, partner (an index into the demonstration's partners). */
export const eventsPlan: Array<[string, string, number, number, number | null]> = [
  ['concierto_educativo', 'Concierto educativo de apertura de temporada', 3, 21, 1],
  ['recital', 'Recital de cuerdas «Primeros pasos»', 4, 18, null],
  ['puesta_en_escena', 'Arte sin Barreras: «La ciudad y los sueños»', 5, 9, 0],
  ['concierto_educativo', 'Concierto por el Día de la Madre', 5, 10, null],
  ['festival', 'Fiesta de la Música en Lurigancho', 6, 21, 2],
  ['recital', 'Recital del coro polifónico', 7, 12, null],
  ['presentacion_externa', 'Banda sinfónica en la Plaza Mayor de Lima', 7, 28, 0],
  ['inauguracion_exposicion', 'Inauguración de «InternArte: otra forma de libertad»', 8, 20, 3],
  ['concierto_educativo', 'Concierto educativo con estudiantes de EBA', 9, 17, 1],
  ['puesta_en_escena', 'Arte sin Barreras: «Voces de adentro»', 10, 15, 0],
  ['festival', 'Festival de Cine de Lima: proyección y concierto', 11, 7, 4],
  ['recital', 'Recital de fin de año — percusión', 12, 5, null],
  ['concierto_educativo', 'Gran concierto de Navidad', 12, 18, 1],
];
