import type { Instrument } from '../../../shared/inventory/schemas';
import type { Column } from '../export/table';
import type { Translate } from '../i18n';

/**
 * The spreadsheet columns every export of the register shares (instruments.export and the
 * inventory report by establishment): each caller places them around its own columns.
 */
export function instrumentSheetColumns(t: Translate): Record<'identity' | 'state' | 'acquisition', Column<Instrument>[]> {
  return {
    /** What names the instrument: code, type, family, brand, model, serial number. */
    identity: [
      { header: t('inventory.instruments.code'), width: 18, value: (i) => i.code },
      { header: t('inventory.instruments.type'), width: 22, value: (i) => i.typeName },
      { header: t('inventory.instruments.family'), width: 18, value: (i) => t(`inventory.families.${i.family}`) },
      { header: t('inventory.instruments.brand'), width: 16, value: (i) => i.brand },
      { header: t('inventory.instruments.model'), width: 16, value: (i) => i.model },
      { header: t('inventory.instruments.serialNumber'), width: 16, value: (i) => i.serialNumber },
    ],
    state: [
      { header: t('inventory.instruments.status'), width: 18, value: (i) => t(`inventory.statuses.${i.status}`) },
      { header: t('inventory.instruments.condition'), width: 14, value: (i) => t(`inventory.conditions.${i.condition}`) },
    ],
    acquisition: [
      { header: t('inventory.instruments.acquisitionDate'), width: 14, kind: 'date', value: (i) => i.acquisitionDate },
      { header: t('inventory.instruments.cost'), width: 14, kind: 'money', value: (i) => i.costCentimos },
    ],
  };
}
