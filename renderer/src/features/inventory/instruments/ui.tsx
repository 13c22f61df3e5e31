import type { MantineColor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  allowedKinds,
  artFamilies,
  families,
  musicFamilies,
  stateOf,
  type Condition,
  type Family,
  type MovementKind,
  type Status,
} from '../../../../../shared/inventory/rules';
import type { Instrument, InstrumentType } from '../../../../../shared/inventory/schemas';
import { CellBadge } from '../../../components/cells';

const statusColors: Record<Status, MantineColor> = {
  en_almacen: 'gray',
  asignado: 'teal',
  en_transito: 'yellow',
  en_reparacion: 'grape',
  de_baja: 'red',
  extraviado: 'orange',
};

export function StatusBadge({ status, size = 'md' }: { status: Status; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <CellBadge color={statusColors[status]} variant="light" size={size}>
      {t(`inventory.statuses.${status}`)}
    </CellBadge>
  );
}

export const conditionColors: Record<Condition, MantineColor> = {
  nuevo: 'teal',
  bueno: 'green',
  regular: 'yellow',
  malo: 'orange',
  inoperativo: 'red',
};

export function ConditionBadge({ condition }: { condition: Condition }) {
  const { t } = useTranslation();
  return (
    <CellBadge color={conditionColors[condition]} variant="dot">
      {t(`inventory.conditions.${condition}`)}
    </CellBadge>
  );
}

/** Where it is, as a clerk says it: an establishment, the central warehouse, or in transit to one. */
export function locationLabel(i: Instrument, t: TFunction): string {
  if (i.status === 'en_transito' && i.transitToEstablishmentName)
    return t('inventory.instruments.inTransitTo', { name: i.transitToEstablishmentName });
  return i.establishmentName ?? t('inventory.instruments.central');
}

export function custodianLabel(i: Pick<Instrument, 'custodianName' | 'custodianType'>, t: TFunction): string {
  if (!i.custodianName) return '';
  return i.custodianType ? `${i.custodianName} (${t(`inventory.custodianTypes.${i.custodianType}`)})` : i.custodianName;
}

/** The movements every one of the instruments allows, in the rules' order. */
export function allowedForAll(instruments: Instrument[]): MovementKind[] {
  if (instruments.length === 0) return [];
  const [first, ...rest] = instruments.map((i) => allowedKinds(stateOf(i)));
  return first!.filter((k) => rest.every((kinds) => kinds.includes(k)));
}

/** The families under two headings (issue 15, item 6): the musical instruments, then the art equipment. */
export const familyGroups: ReadonlyArray<{ key: 'music' | 'art'; families: readonly Family[] }> = [
  { key: 'music', families: musicFamilies },
  { key: 'art', families: artFamilies },
];

/** The families for a Select, grouped under those two headings. */
export function familyOptions(t: TFunction) {
  return familyGroups.map((g) => ({
    group: t(`inventory.familyGroups.${g.key}`),
    items: g.families.map((f) => ({ value: f, label: t(`inventory.families.${f}`) })),
  }));
}

/** Types for a Select, grouped by family (in the families' order: the musical instruments' first, then the art equipment's). */
export function typeOptions(types: InstrumentType[], t: TFunction, keep?: (ty: InstrumentType) => boolean) {
  return families
    .map((f) => ({
      group: t(`inventory.families.${f}`),
      items: types
        .filter((ty) => ty.family === f && (keep ? keep(ty) : true))
        .map((ty) => ({
          value: String(ty.id),
          label: ty.active ? ty.name : `${ty.name} (${t('common.inactive').toLowerCase()})`,
        })),
    }))
    .filter((g) => g.items.length > 0);
}
