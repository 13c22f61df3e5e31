import { Badge, Stack, Text, type MantineColor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantStatus, Stage } from '../../../../shared/programmes/rules';
import type { ApiCallError } from '../../api';
import { whole } from '../../components/badges';

export { whole } from '../../components/badges';
export { toBase64 } from '../../components/files';
export { useNumber, usePercent } from '../../components/numbers';

const stageColors: Record<Stage, MantineColor> = { inscrito: 'blue', activo: 'teal', completado: 'grape', retirado: 'gray' };
export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Badge color={stageColors[stage]} variant="light" tt="none" styles={whole}>
      {t(`programmes.stages.${stage}`)}
    </Badge>
  );
}

const statusColors: Record<ParticipantStatus, MantineColor> = { activo: 'teal', trasladado: 'yellow', egresado: 'blue', retirado: 'gray' };
export function ParticipantStatusBadge({ status }: { status: ParticipantStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" tt="none" styles={whole}>
      {t(`programmes.participantStatuses.${status}`)}
    </Badge>
  );
}

/** A participant as the screen shows them: "Apellidos, Nombres" or, where names may not be shown, the code. */
export const nameOf = (p: { firstNames: string | null; lastNames: string | null; code?: string; participantCode?: string }) =>
  p.firstNames && p.lastNames ? `${p.lastNames}, ${p.firstNames}` : (p.code ?? p.participantCode ?? '');

/** Options of a closed list, labelled from the catalog. */
export function useOptions(values: readonly string[], prefix: string) {
  const { t } = useTranslation();
  return values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </Stack>
  );
}

/** A refusal from main: the sentence in a red notification, field messages to the form. */
export function refusalHandler(setErrors?: (errors: Record<string, string>) => void) {
  return (err: ApiCallError) => {
    if (setErrors && Object.keys(err.error.fields).length > 0) setErrors(err.error.fields);
    notifications.show({ color: 'red', message: err.message });
  };
}

export const idOrNull = (v: string | null) => (v === null || v === '' ? null : Number(v));
