import { Badge, Group, Select, Text, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { musicFamilies } from '../../../../shared/inventory/rules';
import { voices, type Voice } from '../../../../shared/programmes/rules';
import type { Enrolment } from '../../../../shared/programmes/schemas';
import { useApiQuery } from '../../api';
import { accentFilter } from '../../components/accentFilter';
import { whole } from '../../components/badges';

/**
 * An ensemble member's part, chosen from a list (issue 15): the voices, then the instrument
 * types by family. A Select's value is "v:<voice>" or "t:<type id>"; KEEP keeps a part typed
 * before the list existed, as it is.
 */

export const KEEP = 'keep';

/** The part of an enrolment as the list's value (null: none or not linked). */
export const partValue = (e: Pick<Enrolment, 'partTypeId' | 'partVoice'>): string | null =>
  e.partTypeId !== null ? `t:${e.partTypeId}` : e.partVoice !== null ? `v:${e.partVoice}` : null;

/** The part's input for main from the list's value: an instrument type or a voice (both null: none). */
export function partInput(value: string | null): { partTypeId: number | null; partVoice: Voice | null } {
  if (value?.startsWith('t:')) return { partTypeId: Number(value.slice(2)), partVoice: null };
  if (value?.startsWith('v:')) return { partTypeId: null, partVoice: value.slice(2) as Voice };
  return { partTypeId: null, partVoice: null };
}

/** A part typed as text and not linked to the list (waiting for a clerk, or dismissed). */
export const typedOnly = (e: Pick<Enrolment, 'part' | 'partTypeId' | 'partVoice'>): boolean =>
  e.part !== null && e.partTypeId === null && e.partVoice === null;

/** The list's options, grouped: voices, then each musical family's instrument types (never art equipment). `keepText`: an option that keeps the typed part. */
export function usePartOptions(keepText: string | null = null) {
  const { t } = useTranslation();
  const types = useApiQuery('ensembles.partTypes', {});
  return useMemo(() => {
    const groups = [
      ...(keepText !== null
        ? [
            {
              group: t('programmes.ensembleParts.unlinked'),
              items: [{ value: KEEP, label: t('programmes.ensembleParts.keepTyped', { text: keepText }) }],
            },
          ]
        : []),
      {
        group: t('programmes.ensembleParts.voicesGroup'),
        items: voices.map((v) => ({ value: `v:${v}`, label: t(`programmes.voices.${v}`) })),
      },
      ...musicFamilies
        .map((f) => ({
          group: t(`inventory.families.${f}`),
          items: (types.data ?? []).filter((x) => x.family === f).map((x) => ({ value: `t:${x.id}`, label: x.name })),
        }))
        .filter((g) => g.items.length > 0),
    ];
    return groups;
  }, [t, types.data, keepText]);
}

/** The part's Select: searchable without regard to accents, grouped. */
export function PartSelect({ keepText = null, ...props }: Omit<SelectProps, 'data'> & { keepText?: string | null }) {
  const { t } = useTranslation();
  const data = usePartOptions(keepText);
  return (
    <Select
      label={t('programmes.enrolments.part')}
      placeholder={t('programmes.ensembleParts.placeholder')}
      searchable
      clearable
      filter={accentFilter}
      maxDropdownHeight={280}
      data={data}
      {...props}
    />
  );
}

/** A member's part in a row: the list's label, or the text as typed with "sin vincular". */
export function PartLabel({ enrolment: e }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  if (e.partTypeId !== null) return <>{e.partTypeName ?? e.part}</>;
  if (e.partVoice !== null) return <>{t(`programmes.voices.${e.partVoice}`)}</>;
  if (e.part === null) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" span>
        {e.part}
      </Text>
      {e.partPending && (
        <Badge size="xs" color="orange" variant="light" tt="none" styles={whole}>
          {t('programmes.ensembleParts.unlinked')}
        </Badge>
      )}
    </Group>
  );
}
