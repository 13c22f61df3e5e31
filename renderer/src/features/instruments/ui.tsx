import { Badge, isOptionsGroup, type ComboboxParsedItem, type MantineColor, type OptionsFilter } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { centimosToText, formatMoney, normalizeText, parseMoneyToCentimos, type Locale } from '../../../../shared/format';
import {
  allowedKinds,
  families,
  stateOf,
  type Condition,
  type MovementKind,
  type Status,
} from '../../../../shared/instruments/rules';
import type { Instrument, InstrumentType } from '../../../../shared/instruments/schemas';

/**
 * An amount as typed in a MoneyField → integer céntimos: undefined when nothing is typed,
 * NaN when it cannot be read without guessing (the shared schema then refuses to save, and
 * the field says why).
 */
export const solesToCentimos = (v: number | string | null | undefined): number | undefined =>
  v === null || v === undefined || String(v).trim() === '' ? undefined : (parseMoneyToCentimos(v) ?? Number.NaN);

/** Céntimos → the text a MoneyField shows to edit ("1,234.56"). */
export const centimosToSoles = (c: number): string => centimosToText(c);

export const useMoney = () => {
  const { i18n } = useTranslation();
  return (centimos: number) => formatMoney(centimos, i18n.language as Locale);
};

/** A badge never cut short: a narrow column grows (or scrolls) instead of showing "En tránsi…". */
export const whole = { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } } as const;

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
    <Badge color={statusColors[status]} variant="light" tt="none" size={size} styles={whole}>
      {t(`inventory.statuses.${status}`)}
    </Badge>
  );
}

const conditionColors: Record<Condition, MantineColor> = {
  nuevo: 'teal',
  bueno: 'green',
  regular: 'yellow',
  malo: 'orange',
  inoperativo: 'red',
};

export function ConditionBadge({ condition }: { condition: Condition }) {
  const { t } = useTranslation();
  return (
    <Badge color={conditionColors[condition]} variant="dot" tt="none" styles={whole}>
      {t(`inventory.conditions.${condition}`)}
    </Badge>
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

/** Types for a Select, grouped by family (in the families' order). */
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

/** Renames error keys (schema field → form field). */
export function renameErrors(errors: Record<string, string>, names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [names[k] ?? k, v]));
}

/**
 * The options whose label contains every word typed, without regard to accents or case:
 * "violin" finds "Violín", "huanuco" finds "E.P. de Huánuco".
 */
export const accentFilter: OptionsFilter = ({ options, search }) => {
  const words = normalizeText(search).split(' ').filter(Boolean);
  const keep = (items: ComboboxParsedItem[]): ComboboxParsedItem[] =>
    items.flatMap((item): ComboboxParsedItem[] => {
      if (isOptionsGroup(item)) {
        const inner = keep(item.items) as typeof item.items;
        return inner.length > 0 ? [{ ...item, items: inner }] : [];
      }
      const label = normalizeText(item.label);
      return words.every((w) => label.includes(w)) ? [item] : [];
    });
  return keep(options);
};
