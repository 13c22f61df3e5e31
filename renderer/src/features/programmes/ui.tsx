import { Badge, type MantineColor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { ParticipantStatus, Stage } from '../../../../shared/programmes/rules';
import type { ApiCallError } from '../../api';
import { whole } from '../../components/badges';

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

/** A refusal from main: the sentence in a red notification, field messages to the form. */
export function refusalHandler(setErrors?: (errors: Record<string, string>) => void) {
  return (err: ApiCallError) => {
    if (setErrors && Object.keys(err.error.fields).length > 0) setErrors(err.error.fields);
    notifications.show({ color: 'red', message: err.message });
  };
}

/** "12/03/2026 – 20/12/2026", or only the first day while there is no last. */
export const dateSpan = (from: string, to: string | null) => `${formatDate(from)}${to ? ` – ${formatDate(to)}` : ''}`;

export const idOrNull = (v: string | null) => (v === null || v === '' ? null : Number(v));
