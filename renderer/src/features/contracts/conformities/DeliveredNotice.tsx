import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertTriangle, IconCalendarCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Delivered } from '../../../../../shared/contracts/schemas';
import { useNumber } from '../../../components/numbers';

/** Hours (one decimal at most) from the minutes of the sessions whose attendance was taken. */
export const useHours = () => {
  const num = useNumber();
  return (minutes: number) => num(Math.round((minutes / 60) * 10) / 10);
};

/**
 * What the contract's teacher delivered in the month being signed off: the sessions held in
 * the contract's workshops and the hours from attendance; a warning (never a refusal) when
 * no session was recorded, or when the contract names no workshop to count them in.
 */
export function DeliveredNotice({
  delivered,
  teacherName,
  period,
  ...props
}: Omit<AlertProps, 'children' | 'title'> & { delivered: Delivered; teacherName: string; period: string }) {
  const { t } = useTranslation();
  const hours = useHours();
  const v = 'contracts.workshopLinks.delivered.';
  if (delivered.sessions === 0)
    return (
      <Alert {...props} color="yellow" icon={<IconAlertTriangle />} title={t(`${v}title`)} data-testid="delivered">
        {delivered.workshops === 0 ? t(`${v}noWorkshops`) : t(`${v}noSessions`, { teacher: teacherName, period })}
      </Alert>
    );
  return (
    <Alert {...props} color="blue" icon={<IconCalendarCheck />} title={t(`${v}title`)} data-testid="delivered">
      {t(`${v}summary`, { sessions: delivered.sessions, attended: delivered.attendedSessions, hours: hours(delivered.minutes) })}
    </Alert>
  );
}
