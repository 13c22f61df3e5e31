import { techniques, type NamingMode, type Technique } from '../../../shared/internarte/rules';

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
  shape: (typeof shapes)[number];
}

/**
 * One work a line: title | artist | technique | materials | height×width(×depth) in cm |
 * price in céntimos (— if not for sale) | two colours of its picture | the picture's shape.
 */
const workLines = [
  'Vasija de la memoria | José Luis Quispe Mamani | ceramica_alta_temperatura | Gres, engobes y esmalte de ceniza | 32×21×21 | 45000 | #8c4a2f #e8d5b7 | vessel',
  'Cántaro del sol naciente | Ñusta Huamán de la Cruz | ceramica_alta_temperatura | Gres y óxido de hierro | 41.5×28×28 | 60000 | #b5651d #f3e0c0 | vessel',
  'Cóndor sobre Lima | Wilmer Ccori Huaraca | pintura_oleo | Óleo sobre lienzo | 80×60 | 120000 | #2f4858 #f6ae2d | frame',
  'La espera | Rosa Elvira Condori | acrilico | Acrílico sobre madera | 60×45 | 80000 | #55286f #e0c1b3 | frame',
  'Retablo de la libertad | Teófilo Ayala Palomino | retablo | Cajón de cedro, pasta de papa y yeso policromado | 45×32×14 | 150000 | #a4161a #ffd166 | figure',
  'Manto del lago | Juana Mamani Apaza | textil | Lana de alpaca teñida con tintes naturales | 120×90 | 95000 | #0b6e4f #f2e8cf | weave',
  'Rostro de barro | Luis Alberto Pari | escultura | Arcilla cocida y pátina | 38×22×20 | — | #6f4e37 #d9c5b2 | figure',
  'Puerta abierta | Carlos Enrique Salas | dibujo | Carboncillo sobre papel | 50×35 | 30000 | #222222 #f4f1ea | frame',
  'Grabado del río Rímac | Marco Antonio Villanueva | grabado | Xilografía sobre papel de algodón | 40×30 | 35000 | #1d3557 #f1faee | frame',
  'Toro de Pucará | Eusebio Choque Ticona | ceramica_alta_temperatura | Gres modelado y vidriado | 28×30×14 | 55000 | #9b2226 #e9d8a6 | figure',
  'Madre tierra | Flor de María Ramos | escultura | Piedra de Huamanga tallada | 26×15×12 | 70000 | #cdb4a0 #faf3e0 | figure',
  'Ventana al mar | Jhon Kevin Pizarro | pintura_oleo | Óleo sobre lienzo | 70×100 | 140000 | #005f73 #e9d8a6 | frame',
  'Cuenco de ceniza | Ana Lucía Torres | ceramica_alta_temperatura | Porcelana y esmalte celadón | 12.5×24×24 | 25000 | #7a9e7e #eef4ed | vessel',
  'Danza de tijeras | Rolando Huamaní Quispe | acrilico | Acrílico sobre lienzo | 90×70 | 110000 | #d00000 #ffba08 | frame',
  'Mate burilado | Gregorio Medina Rojas | tallado | Calabaza burilada y pirograbada | 18×20×20 | 20000 | #bc6c25 #fefae0 | vessel',
  'Tejido de caminos | Santusa Ccahuana | textil | Algodón nativo en telar de cintura | 150×60 | — | #6a040f #ffe8d6 | weave',
  'El patio | Percy Lozano Díaz | dibujo | Tinta china sobre cartulina | 42×29.7 | 18000 | #14213d #e5e5e5 | frame',
  'Jarra de los ancestros | Domitila Cusi | ceramica_alta_temperatura | Gres y engobe blanco | 36×20×20 | 48000 | #5e503f #eae0d5 | vessel',
  'Autorretrato | Miguel Ángel Soto | pintura_oleo | Óleo sobre cartón | 50×40 | — | #3d405b #f4f1de | frame',
  'Nacimiento ayacuchano | Hilario Palomino | retablo | Madera, pasta de papa y pigmentos | 35×25×12 | 90000 | #1b4332 #ffb703 | figure',
];

const shapes = ['vessel', 'frame', 'figure', 'weave'] as const;

/** A line of the table as a work's plan; a technique or shape outside the lists is a mistake in the table. */
function workPlan(line: string): WorkPlan {
  const [title, artist, technique, materials, cm, price, colors, shape] = line.split(' | ') as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const [height, width, depth] = cm.split('×').map(Number) as [number, number, number | undefined];
  const [color, background] = colors.split(' ') as [string, string];
  const known = techniques.find((t) => t === technique);
  const drawn = shapes.find((s) => s === shape);
  if (!known || !drawn) throw new Error(`demo work: ${line}`);
  return {
    title,
    artist,
    technique: known,
    materials,
    cm: [height, width, depth ?? null],
    price: price === '—' ? null : Number(price),
    colors: [color, background],
    shape: drawn,
  };
}

export const works: WorkPlan[] = workLines.map(workPlan);

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
