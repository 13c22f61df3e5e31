import type { NamingMode, Technique } from '../../../shared/internarte/rules';

/**
 * The works and consents of InternArte's demonstration (internarte/demo.ts registers them):
 * about twenty works from the programme's ceramics and painting workshops, and the consent
 * plans cycled over them. Fictitious data, marked as demonstration like the rest.
 */

export interface WorkPlan {
  title: string;
  artist: string;
  technique: Technique;
  materials: string;
  cm: [number, number, number | null];
  price: number | null;
  colors: [string, string];
  shape: 'vessel' | 'frame' | 'figure' | 'weave';
}

export const works: WorkPlan[] = [
  {
    title: 'Vasija de la memoria',
    artist: 'José Luis Quispe Mamani',
    technique: 'ceramica_alta_temperatura',
    materials: 'Gres, engobes y esmalte de ceniza',
    cm: [32, 21, 21],
    price: 45000,
    colors: ['#8c4a2f', '#e8d5b7'],
    shape: 'vessel',
  },
  {
    title: 'Cántaro del sol naciente',
    artist: 'Ñusta Huamán de la Cruz',
    technique: 'ceramica_alta_temperatura',
    materials: 'Gres y óxido de hierro',
    cm: [41.5, 28, 28],
    price: 60000,
    colors: ['#b5651d', '#f3e0c0'],
    shape: 'vessel',
  },
  {
    title: 'Cóndor sobre Lima',
    artist: 'Wilmer Ccori Huaraca',
    technique: 'pintura_oleo',
    materials: 'Óleo sobre lienzo',
    cm: [80, 60, null],
    price: 120000,
    colors: ['#2f4858', '#f6ae2d'],
    shape: 'frame',
  },
  {
    title: 'La espera',
    artist: 'Rosa Elvira Condori',
    technique: 'acrilico',
    materials: 'Acrílico sobre madera',
    cm: [60, 45, null],
    price: 80000,
    colors: ['#55286f', '#e0c1b3'],
    shape: 'frame',
  },
  {
    title: 'Retablo de la libertad',
    artist: 'Teófilo Ayala Palomino',
    technique: 'retablo',
    materials: 'Cajón de cedro, pasta de papa y yeso policromado',
    cm: [45, 32, 14],
    price: 150000,
    colors: ['#a4161a', '#ffd166'],
    shape: 'figure',
  },
  {
    title: 'Manto del lago',
    artist: 'Juana Mamani Apaza',
    technique: 'textil',
    materials: 'Lana de alpaca teñida con tintes naturales',
    cm: [120, 90, null],
    price: 95000,
    colors: ['#0b6e4f', '#f2e8cf'],
    shape: 'weave',
  },
  {
    title: 'Rostro de barro',
    artist: 'Luis Alberto Pari',
    technique: 'escultura',
    materials: 'Arcilla cocida y pátina',
    cm: [38, 22, 20],
    price: null,
    colors: ['#6f4e37', '#d9c5b2'],
    shape: 'figure',
  },
  {
    title: 'Puerta abierta',
    artist: 'Carlos Enrique Salas',
    technique: 'dibujo',
    materials: 'Carboncillo sobre papel',
    cm: [50, 35, null],
    price: 30000,
    colors: ['#222222', '#f4f1ea'],
    shape: 'frame',
  },
  {
    title: 'Grabado del río Rímac',
    artist: 'Marco Antonio Villanueva',
    technique: 'grabado',
    materials: 'Xilografía sobre papel de algodón',
    cm: [40, 30, null],
    price: 35000,
    colors: ['#1d3557', '#f1faee'],
    shape: 'frame',
  },
  {
    title: 'Toro de Pucará',
    artist: 'Eusebio Choque Ticona',
    technique: 'ceramica_alta_temperatura',
    materials: 'Gres modelado y vidriado',
    cm: [28, 30, 14],
    price: 55000,
    colors: ['#9b2226', '#e9d8a6'],
    shape: 'figure',
  },
  {
    title: 'Madre tierra',
    artist: 'Flor de María Ramos',
    technique: 'escultura',
    materials: 'Piedra de Huamanga tallada',
    cm: [26, 15, 12],
    price: 70000,
    colors: ['#cdb4a0', '#faf3e0'],
    shape: 'figure',
  },
  {
    title: 'Ventana al mar',
    artist: 'Jhon Kevin Pizarro',
    technique: 'pintura_oleo',
    materials: 'Óleo sobre lienzo',
    cm: [70, 100, null],
    price: 140000,
    colors: ['#005f73', '#e9d8a6'],
    shape: 'frame',
  },
  {
    title: 'Cuenco de ceniza',
    artist: 'Ana Lucía Torres',
    technique: 'ceramica_alta_temperatura',
    materials: 'Porcelana y esmalte celadón',
    cm: [12.5, 24, 24],
    price: 25000,
    colors: ['#7a9e7e', '#eef4ed'],
    shape: 'vessel',
  },
  {
    title: 'Danza de tijeras',
    artist: 'Rolando Huamaní Quispe',
    technique: 'acrilico',
    materials: 'Acrílico sobre lienzo',
    cm: [90, 70, null],
    price: 110000,
    colors: ['#d00000', '#ffba08'],
    shape: 'frame',
  },
  {
    title: 'Mate burilado',
    artist: 'Gregorio Medina Rojas',
    technique: 'tallado',
    materials: 'Calabaza burilada y pirograbada',
    cm: [18, 20, 20],
    price: 20000,
    colors: ['#bc6c25', '#fefae0'],
    shape: 'vessel',
  },
  {
    title: 'Tejido de caminos',
    artist: 'Santusa Ccahuana',
    technique: 'textil',
    materials: 'Algodón nativo en telar de cintura',
    cm: [150, 60, null],
    price: null,
    colors: ['#6a040f', '#ffe8d6'],
    shape: 'weave',
  },
  {
    title: 'El patio',
    artist: 'Percy Lozano Díaz',
    technique: 'dibujo',
    materials: 'Tinta china sobre cartulina',
    cm: [42, 29.7, null],
    price: 18000,
    colors: ['#14213d', '#e5e5e5'],
    shape: 'frame',
  },
  {
    title: 'Jarra de los ancestros',
    artist: 'Domitila Cusi',
    technique: 'ceramica_alta_temperatura',
    materials: 'Gres y engobe blanco',
    cm: [36, 20, 20],
    price: 48000,
    colors: ['#5e503f', '#eae0d5'],
    shape: 'vessel',
  },
  {
    title: 'Autorretrato',
    artist: 'Miguel Ángel Soto',
    technique: 'pintura_oleo',
    materials: 'Óleo sobre cartón',
    cm: [50, 40, null],
    price: null,
    colors: ['#3d405b', '#f4f1de'],
    shape: 'frame',
  },
  {
    title: 'Nacimiento ayacuchano',
    artist: 'Hilario Palomino',
    technique: 'retablo',
    materials: 'Madera, pasta de papa y pigmentos',
    cm: [35, 25, 12],
    price: 90000,
    colors: ['#1b4332', '#ffb703'],
    shape: 'figure',
  },
];

/** Consents of every kind, cycled over the works; null: none recorded; 'revoked': granted then revoked. */
export type Plan =
  { naming: NamingMode; pseudonym?: string; exhibit: boolean; catalog: boolean; photo: boolean; sell: boolean } | null | 'revoked';
export const consentPlans: Plan[] = [
  { naming: 'nombre_completo', exhibit: true, catalog: true, photo: true, sell: true },
  { naming: 'iniciales', exhibit: true, catalog: true, photo: true, sell: false },
  { naming: 'seudonimo', pseudonym: 'Wayra', exhibit: true, catalog: true, photo: true, sell: true },
  { naming: 'anonimo', exhibit: true, catalog: true, photo: false, sell: false },
  { naming: 'nombre_completo', exhibit: true, catalog: false, photo: true, sell: false },
  null,
  { naming: 'seudonimo', pseudonym: 'Killa', exhibit: true, catalog: true, photo: true, sell: false },
  'revoked',
  { naming: 'nombre_completo', exhibit: true, catalog: true, photo: true, sell: true },
  { naming: 'iniciales', exhibit: true, catalog: true, photo: false, sell: true },
];
