import type { Widen } from '../types';

/** The global search (Ctrl+K, issue 16): Spanish (Peru) first, English beside it. */
export const searchEs = {
  button: 'Buscar',
  shortcut: 'Ctrl + K',
  buttonHint: 'Buscar instrumentos, personas, contratos, obras… (Ctrl + K)',
  placeholder: 'Código, nombre, serie o título…',
  typeMore: 'Escriba al menos 2 letras o números.',
  searching: 'Buscando…',
  nothing: 'No se encontró nada con «{{q}}».',
  more: 'Hay más resultados: escriba más palabras para acotar.',
  codeOnly: 'Solo el código: su rol no ve los nombres de los participantes ni abre sus fichas.',
  codeOnlyBadge: 'Solo código',
  kinds: {
    instrument: 'Instrumentos',
    participant: 'Participantes',
    teacher: 'Docentes',
    staff: 'Personal del INPE',
    ensemble: 'Elencos',
    workshop: 'Talleres',
    contract: 'Contratos',
    artwork: 'Obras',
    exhibition: 'Exposiciones',
    event: 'Eventos',
    partner: 'Aliados',
    agreement: 'Convenios',
  },
  errors: {
    tooShort: 'Escriba al menos 2 caracteres para buscar.',
    text: 'Escriba letras o números para buscar.',
  },
};

export const searchEn: Widen<typeof searchEs> = {
  button: 'Search',
  shortcut: 'Ctrl + K',
  buttonHint: 'Search instruments, people, contracts, artworks… (Ctrl + K)',
  placeholder: 'Code, name, serial or title…',
  typeMore: 'Type at least 2 letters or digits.',
  searching: 'Searching…',
  nothing: 'Nothing found for “{{q}}”.',
  more: 'There are more results: type more words to narrow them.',
  codeOnly: "Code only: your role neither sees participants' names nor opens their records.",
  codeOnlyBadge: 'Code only',
  kinds: {
    instrument: 'Instruments',
    participant: 'Participants',
    teacher: 'Teachers',
    staff: 'INPE staff',
    ensemble: 'Ensembles',
    workshop: 'Workshops',
    contract: 'Contracts',
    artwork: 'Artworks',
    exhibition: 'Exhibitions',
    event: 'Events',
    partner: 'Partners',
    agreement: 'Agreements',
  },
  errors: {
    tooShort: 'Type at least 2 characters to search.',
    text: 'Type letters or digits to search.',
  },
};
