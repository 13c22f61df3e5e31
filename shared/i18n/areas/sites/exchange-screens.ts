import type { Widen } from '../../types';

/**
 * The screens that carry data packages (renderer/src/features/sites: the exchange card at a site,
 * the centre's «Enviar paquete» and «Leer paquete de una sede», the report of a package read):
 * Spanish (Peru) first, English beside it.
 */
export const sitesExchangeScreensEs = {
  exchangeScreens: {
    cardTitle: 'Intercambio con la oficina central',
    send: 'Enviar a la oficina central',
    receive: 'Recibir de la oficina central',
    helpCarry:
      'ArteINPE le pedirá dónde guardar el paquete (.arteinpe-paquete): guárdelo en una memoria USB y llévelo a la oficina central. Al volver, elija «Recibir de la oficina central» y el paquete que le dieron allí.',
    helpLost:
      'Cada paquete lleva todo lo que la otra parte aún no ha confirmado: si uno se pierde, el siguiente lo cubre. Envíe y reciba con la frecuencia que pueda.',
    centreSend: 'Enviar paquete',
    centreReceive: 'Leer paquete de una sede',
    centreHelp:
      'Lea aquí el paquete que trae una sede en una memoria USB. «Enviar paquete» guarda, para esa sede, lo que la oficina central cambió de su establecimiento y lo que rechazó de sus paquetes.',
    sentTitle: 'Paquete {{seq}} para {{to}} guardado',
    sentRecords_one: '{{count}} registro',
    sentRecords_other: '{{count}} registros',
    sentFiles_one: '{{count}} foto o documento',
    sentFiles_other: '{{count}} fotos o documentos',
    sentCarries: 'Paquete {{seq}} guardado: {{records}}.',
    sentCarriesFiles: 'Paquete {{seq}} guardado: {{records}} y {{files}}.',
    sentNothingNew: 'Paquete {{seq}} guardado: no hay cambios nuevos; sirve para confirmar lo que ya se recibió.',
    report: {
      title: 'Paquete leído',
      from: 'Paquete {{seq}} de {{from}}',
      alreadyRead: 'Este paquete ya se había leído, no se cambió nada.',
      missingTitle: 'Falta un paquete anterior',
      applied: 'Cambios aplicados',
      skipped: 'Ya estaban aquí',
      conflicts: 'Conflictos',
      conflictsHint_one: '{{count}} registro cambió en los dos lados: queda en la lista de conflictos de la oficina central para decidir.',
      conflictsHint_other:
        '{{count}} registros cambiaron en los dos lados: quedan en la lista de conflictos de la oficina central para decidir.',
      refusedTitle: 'No se registraron aquí',
      returnedTitle: 'La oficina central rechazó de sus paquetes anteriores',
      what: 'Registro',
      reason: 'Motivo',
      close: 'Cerrar',
    },
  },
};

export const sitesExchangeScreensEn: Widen<typeof sitesExchangeScreensEs> = {
  exchangeScreens: {
    cardTitle: 'Exchange with the central office',
    send: 'Send to the central office',
    receive: 'Receive from the central office',
    helpCarry:
      'ArteINPE will ask where to save the package (.arteinpe-paquete): save it on a USB stick and carry it to the central office. Back here, choose «Receive from the central office» and the package you were given there.',
    helpLost:
      'Each package carries everything the other side has not confirmed yet: if one is lost, the next covers it. Send and receive as often as you can.',
    centreSend: 'Send package',
    centreReceive: "Read a site's package",
    centreHelp:
      'Read here the package a site brings on a USB stick. «Send package» saves, for that site, what the central office changed of its establishment and what it refused of its packages.',
    sentTitle: 'Package {{seq}} for {{to}} saved',
    sentRecords_one: '{{count}} record',
    sentRecords_other: '{{count}} records',
    sentFiles_one: '{{count}} photo or document',
    sentFiles_other: '{{count}} photos or documents',
    sentCarries: 'Package {{seq}} saved: {{records}}.',
    sentCarriesFiles: 'Package {{seq}} saved: {{records}} and {{files}}.',
    sentNothingNew: 'Package {{seq}} saved: no new changes; it confirms what was already received.',
    report: {
      title: 'Package read',
      from: 'Package {{seq}} from {{from}}',
      alreadyRead: 'This package had already been read, nothing was changed.',
      missingTitle: 'An earlier package is missing',
      applied: 'Changes applied',
      skipped: 'Already here',
      conflicts: 'Conflicts',
      conflictsHint_one: "{{count}} record changed on both sides: it stays in the central office's conflicts list to decide.",
      conflictsHint_other: "{{count}} records changed on both sides: they stay in the central office's conflicts list to decide.",
      refusedTitle: 'Not recorded here',
      returnedTitle: 'The central office refused from your earlier packages',
      what: 'Record',
      reason: 'Reason',
      close: 'Close',
    },
  },
};
