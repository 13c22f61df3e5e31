import type { Widen } from '../../types';

/** Programmes texts, part of shared/i18n/areas/programmes.ts: what an agreement produced (issue 15). */
export const programmesAgreementLinksEs = {
  agreementLinks: {
    agreement: 'Convenio',
    none: 'Sin convenio',
    hint: 'Convenios de los aliados elegidos vigentes en la fecha.',
    noChoice: 'Ningún aliado elegido tiene un convenio vigente en esa fecha.',
    view: 'Ver lo realizado',
    detailTitle: 'Convenio «{{title}}»',
    partner: 'Aliado',
    period: 'Vigencia',
    events: 'Eventos realizados bajo el convenio',
    exhibitions: 'Exposiciones',
    donations: 'Donaciones',
    noEvents: 'Ningún evento nombra este convenio.',
    noExhibitions: 'Ninguna exposición nombra este convenio.',
    noDonations: 'Ninguna donación nombra este convenio.',
    total: 'Total',
    audienceTotal: 'Público total',
    donatedTotal: 'Valor donado',
    under: 'Convenio: {{title}}',
  },
};

export const programmesAgreementLinksEn: Widen<typeof programmesAgreementLinksEs> = {
  agreementLinks: {
    agreement: 'Agreement',
    none: 'No agreement',
    hint: 'Agreements of the chosen partners in force on the date.',
    noChoice: 'None of the chosen partners has an agreement in force on that date.',
    view: 'See what it produced',
    detailTitle: 'Agreement “{{title}}”',
    partner: 'Partner',
    period: 'In force',
    events: 'Events held under the agreement',
    exhibitions: 'Exhibitions',
    donations: 'Donations',
    noEvents: 'No event names this agreement.',
    noExhibitions: 'No exhibition names this agreement.',
    noDonations: 'No donation names this agreement.',
    total: 'Total',
    audienceTotal: 'Total audience',
    donatedTotal: 'Donated value',
    under: 'Agreement: {{title}}',
  },
};
