import type { Widen } from '../../types';

/** Contracts texts, part of shared/i18n/areas/contracts.ts: the workshops a contract covers, the names left "sin vincular", what a month delivered. */
export const contractsWorkshopsEs = {
  workshopLinks: {
    label: 'Talleres',
    placeholder: 'Elija los talleres que cubre el contrato',
    chooseEstablishmentFirst: 'Elija primero el establecimiento',
    noneHere: 'El establecimiento no tiene talleres registrados',
    inactive: '{{name}} (inactivo)',
    typed: 'Escrito antes de los vínculos: «{{text}}»',
    noneLinked: 'Sin talleres vinculados',
    errors: {
      unknownWorkshop: 'El taller elegido no es de este establecimiento o está inactivo.',
      workshopTwice: 'Un taller está elegido dos veces.',
      reviewClosed: 'Este texto ya fue vinculado o descartado.',
      notCovered: 'El contrato {{number}} ya no cubre {{establishment}}.',
    },
    reviews: {
      navTitle: 'Talleres sin vincular',
      title: 'Talleres de contratos sin vincular',
      subtitle:
        'Los talleres escritos a mano en los contratos antes de los vínculos que la actualización no pudo reconocer: vincule cada uno a un taller del establecimiento o descártelo. El contrato conserva el texto escrito.',
      contract: 'Contrato',
      teacher: 'Docente',
      establishment: 'Establecimiento',
      originalText: 'Texto escrito',
      workshop: 'Taller vinculado',
      link: 'Vincular',
      dismiss: 'Descartar',
      linkTitle: 'Vincular «{{text}}»',
      linkText: 'El contrato {{number}} decía «{{text}}» en {{establishment}}. Elija el taller de ese establecimiento.',
      linked: 'Se vinculó el taller al contrato {{number}}.',
      dismissTitle: 'Descartar el texto',
      dismissConfirm: '¿Descartar «{{text}}» del contrato {{number}}? El contrato conserva el texto escrito y no se vincula ningún taller.',
      dismissed: 'Se descartó «{{text}}».',
      resolvedAt: 'Resuelto el',
      resolvedBy: 'Por',
      emptyTitle: 'Nada por revisar',
      emptyText: 'No hay talleres de contratos en este estado.',
      statuses: { pendiente: 'Sin vincular', vinculado: 'Vinculados', descartado: 'Descartados' },
    },
    delivered: {
      title: 'Lo realizado en el mes',
      summary: 'Sesiones del mes: {{sessions}} · con asistencia: {{attended}} · horas según la asistencia: {{hours}}',
      noSessions:
        'No hay sesiones registradas de {{teacher}} en {{period}} en los talleres del contrato. Puede guardar la conformidad, pero verifique que el servicio se prestó.',
      noWorkshops:
        'El contrato no tiene talleres vinculados: no se pueden contar las sesiones del mes. Puede guardar la conformidad, pero verifique que el servicio se prestó.',
      column: 'Sesiones · horas',
      cell_one: '{{count}} sesión · {{hours}} h',
      cell_other: '{{count}} sesiones · {{hours}} h',
      none: 'Sin sesiones',
      savedWithout: 'Se registró la conformidad de {{period}} del contrato {{number}}, sin sesiones registradas en el mes.',
    },
  },
};

export const contractsWorkshopsEn: Widen<typeof contractsWorkshopsEs> = {
  workshopLinks: {
    label: 'Workshops',
    placeholder: 'Choose the workshops the contract covers',
    chooseEstablishmentFirst: 'Choose the establishment first',
    noneHere: 'The establishment has no workshops recorded',
    inactive: '{{name}} (inactive)',
    typed: 'Typed before links existed: “{{text}}”',
    noneLinked: 'No linked workshops',
    errors: {
      unknownWorkshop: 'The chosen workshop is not one of this establishment’s or is inactive.',
      workshopTwice: 'A workshop is chosen twice.',
      reviewClosed: 'This text was already linked or dismissed.',
      notCovered: 'Contract {{number}} no longer covers {{establishment}}.',
    },
    reviews: {
      navTitle: 'Unlinked workshops',
      title: 'Unlinked contract workshops',
      subtitle:
        'Workshops typed by hand in contracts before links existed that the update could not recognise: link each to a workshop of the establishment or dismiss it. The contract keeps the typed text.',
      contract: 'Contract',
      teacher: 'Teacher',
      establishment: 'Establishment',
      originalText: 'Typed text',
      workshop: 'Linked workshop',
      link: 'Link',
      dismiss: 'Dismiss',
      linkTitle: 'Link “{{text}}”',
      linkText: 'Contract {{number}} said “{{text}}” at {{establishment}}. Choose the workshop of that establishment.',
      linked: 'The workshop was linked to contract {{number}}.',
      dismissTitle: 'Dismiss the text',
      dismissConfirm: 'Dismiss “{{text}}” from contract {{number}}? The contract keeps the typed text and no workshop is linked.',
      dismissed: '“{{text}}” was dismissed.',
      resolvedAt: 'Resolved on',
      resolvedBy: 'By',
      emptyTitle: 'Nothing to review',
      emptyText: 'No contract workshops in this state.',
      statuses: { pendiente: 'Unlinked', vinculado: 'Linked', descartado: 'Dismissed' },
    },
    delivered: {
      title: 'Delivered in the month',
      summary: 'Sessions in the month: {{sessions}} · with attendance: {{attended}} · hours from attendance: {{hours}}',
      noSessions:
        'No sessions of {{teacher}} are recorded in {{period}} in the contract’s workshops. You may save the sign-off, but check that the service was delivered.',
      noWorkshops:
        'The contract has no linked workshops: the month’s sessions cannot be counted. You may save the sign-off, but check that the service was delivered.',
      column: 'Sessions · hours',
      cell_one: '{{count}} session · {{hours}} h',
      cell_other: '{{count}} sessions · {{hours}} h',
      none: 'No sessions',
      savedWithout: 'The sign-off of {{period}} for contract {{number}} was recorded, with no session recorded in the month.',
    },
  },
};
