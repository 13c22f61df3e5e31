import { Badge, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { StaffMember } from '../../../../shared/establishments/schemas';
import { useApiQuery } from '../../api';
import { HoldingsPanel } from '../../components/HoldingsPanel';
import { EditButton, Field, RecordDrawer, RecordHeading, useShownId } from '../../components/RecordParts';
import { useCan } from '../../components/session';

/** One staff member's record: establishment, position, whether active, and the instruments they hold now and held before. */
export function StaffDrawer({ id, onClose, onEdit }: { id: number | null; onClose: () => void; onEdit: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  const shownId = useShownId(id);
  const canEdit = useCan('staff.update');
  // The register has no channel for one member: the whole list (a few hundred at most) has it, inactive included.
  const all = useApiQuery('staff.list', { includeInactive: true }, { enabled: shownId !== null });
  const member = all.data?.find((m) => m.id === shownId);
  const missing = all.data !== undefined && member === undefined;
  const query = {
    isError: all.isError || missing,
    error: missing ? new Error(t('establishments.staff.notFound')) : all.error,
    refetch: all.refetch,
  };
  return (
    <RecordDrawer
      opened={id !== null}
      onClose={onClose}
      size={720}
      title={member ? `${t('establishments.staff.record')}: ${member.fullName}` : t('establishments.staff.record')}
      query={query}
      record={member}
    >
      {(m) => (
        <Stack gap="md" data-testid="staff-record">
          <RecordHeading title={m.fullName} actions={canEdit && <EditButton onClick={() => onEdit(m)} />}>
            <Text c="dimmed" size="sm">
              {m.role}
            </Text>
          </RecordHeading>
          <SimpleGrid cols={3} spacing="sm">
            <Field label={t('establishments.staff.establishment')}>{m.establishmentName}</Field>
            <Field label={t('establishments.staff.role')}>{m.role}</Field>
            <Field label={t('common.status')}>
              <Badge color={m.active ? 'teal' : 'gray'} variant="dot" tt="none">
                {t(m.active ? 'common.active' : 'common.inactive')}
              </Badge>
            </Field>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('establishments.staff.lastChange', { date: formatDateTime(m.updatedAt), user: m.updatedBy })}
          </Text>
          <HoldingsPanel custodianType="personal" custodianId={m.id} />
        </Stack>
      )}
    </RecordDrawer>
  );
}
