import type { Widen } from '../../types';

/**
 * The import's texts for the registers of teachers, contracts, conformities, partners and
 * agreements: part of shared/i18n/areas/import.ts (import.targets.<target>), Spanish (Peru)
 * first, English beside it.
 */
export const importRegistersTargetsEs = {
  teachers: {
    title: 'Importar docentes',
    sheet: 'Docentes',
    done_one: 'Se importó {{count}} docente ({{created}} nuevo, {{updated}} actualizado).',
    done_other: 'Se importaron {{count}} docentes: {{created}} nuevos, {{updated}} actualizados.',
  },
  contracts: {
    title: 'Importar contratos',
    sheet: 'Contratos',
    done_one: 'Se importó {{count}} contrato, registrado como borrador.',
    done_other: 'Se importaron {{count}} contratos, registrados como borradores.',
    amount: 'Monto (S/)',
  },
  conformities: {
    title: 'Importar conformidades de servicio',
    sheet: 'Conformidades',
    done_one: 'Se importó {{count}} conformidad de servicio.',
    done_other: 'Se importaron {{count}} conformidades de servicio.',
    badPeriod: 'Escriba el mes del servicio como mm/aaaa (03/2026) o con su nombre (marzo 2026).',
    monthTwice: 'Este mes del contrato {{number}} ya tiene conformidad en otra fila del archivo.',
    outOfScope: 'El contrato {{number}} es de un establecimiento con el que su usuario no trabaja: no puede registrar su conformidad.',
  },
  partners: {
    title: 'Importar aliados',
    sheet: 'Aliados',
    done_one: 'Se importó {{count}} aliado ({{created}} nuevo, {{updated}} actualizado).',
    done_other: 'Se importaron {{count}} aliados: {{created}} nuevos, {{updated}} actualizados.',
  },
  agreements: {
    title: 'Importar convenios',
    sheet: 'Convenios',
    done_one: 'Se importó {{count}} convenio ({{created}} nuevo, {{updated}} actualizado).',
    done_other: 'Se importaron {{count}} convenios: {{created}} nuevos, {{updated}} actualizados.',
    exists: 'Ya está registrado el convenio N.° {{number}}.',
  },
};

export const importRegistersTargetsEn: Widen<typeof importRegistersTargetsEs> = {
  teachers: {
    title: 'Import teachers',
    sheet: 'Teachers',
    done_one: '{{count}} teacher imported ({{created}} new, {{updated}} updated).',
    done_other: '{{count}} teachers imported: {{created}} new, {{updated}} updated.',
  },
  contracts: {
    title: 'Import contracts',
    sheet: 'Contracts',
    done_one: '{{count}} contract imported, recorded as a draft.',
    done_other: '{{count}} contracts imported, recorded as drafts.',
    amount: 'Amount (S/)',
  },
  conformities: {
    title: 'Import service sign-offs',
    sheet: 'Sign-offs',
    done_one: '{{count}} service sign-off imported.',
    done_other: '{{count}} service sign-offs imported.',
    badPeriod: 'Write the service month as mm/yyyy (03/2026) or by its name (March 2026).',
    monthTwice: 'This month of contract {{number}} is already signed off in another row of the file.',
    outOfScope: 'Contract {{number}} is at an establishment your user does not work with: you cannot sign off its months.',
  },
  partners: {
    title: 'Import partners',
    sheet: 'Partners',
    done_one: '{{count}} partner imported ({{created}} new, {{updated}} updated).',
    done_other: '{{count}} partners imported: {{created}} new, {{updated}} updated.',
  },
  agreements: {
    title: 'Import agreements',
    sheet: 'Agreements',
    done_one: '{{count}} agreement imported ({{created}} new, {{updated}} updated).',
    done_other: '{{count}} agreements imported: {{created}} new, {{updated}} updated.',
    exists: 'Agreement no. {{number}} is already registered.',
  },
};
