import { Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ABSENCE_ALERT, hoursOf } from '../../../../shared/programmes/rules';
import type { Workshop } from '../../../../shared/programmes/schemas';
import { useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { useCan } from '../../components/session';
import { useMemberDialogs } from './memberDialogs';
import { dateSpan, nameOf, StageBadge } from './ui';
import { useNumber, usePercent } from '../../components/numbers';

/** A workshop's participants: stage, attendance rate, consecutive absences and hours; enrol and change stage from here. */
export function Members({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const pct = usePercent();
  const num = useNumber();
  const [showClosed, setShowClosed] = useState(false);
  const members = useMemberDialogs('workshop', workshop);
  const canEnrol = useCan('enrolments.create');
  const canStage = useCan('enrolments.setStage');
  const list = useApiQuery('enrolments.list', { workshopId: workshop.id, openOnly: !showClosed });
  const rows = list.data ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Switch
          label={t('programmes.enrolments.showClosed')}
          checked={showClosed}
          onChange={(e) => setShowClosed(e.currentTarget.checked)}
        />
        {canEnrol && (
          <Button leftSection={<IconUserPlus size={16} />} onClick={members.openEnrol} disabled={!workshop.active}>
            {t('programmes.enrolments.enrol')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <EmptyState title={t('programmes.enrolments.empty')} text={t('programmes.enrolments.participantsHint')} />
      ) : (
        <Table striped highlightOnHover verticalSpacing={6} data-testid="members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programmes.participants.codeShort')}</Table.Th>
              <Table.Th>{t('programmes.participants.name')}</Table.Th>
              <Table.Th>{t('programmes.enrolments.stage')}</Table.Th>
              <Table.Th>{t('programmes.enrolments.enrolledOn')}</Table.Th>
              <Table.Th ta="right">{t('programmes.enrolments.rate')}</Table.Th>
              <Table.Th ta="right">{t('programmes.enrolments.absences')}</Table.Th>
              <Table.Th ta="right">{t('programmes.enrolments.hours')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td fw={600}>{e.participantCode}</Table.Td>
                <Table.Td>{nameOf(e)}</Table.Td>
                <Table.Td>
                  <StageBadge stage={e.stage} />
                </Table.Td>
                <Table.Td>{dateSpan(e.enrolledOn, e.endedOn)}</Table.Td>
                <Table.Td ta="right">
                  {pct(e.rate)}{' '}
                  <Text span size="xs" c="dimmed">
                    ({e.present}/{e.sessions})
                  </Text>
                </Table.Td>
                <Table.Td
                  ta="right"
                  c={(e.consecutiveAbsences ?? 0) >= ABSENCE_ALERT ? 'red.8' : undefined}
                  fw={(e.consecutiveAbsences ?? 0) >= ABSENCE_ALERT ? 700 : undefined}
                >
                  {e.consecutiveAbsences}
                </Table.Td>
                <Table.Td ta="right">{num(hoursOf(e.minutes ?? 0))}</Table.Td>
                <Table.Td ta="right">
                  {canStage &&
                    (e.stage === 'inscrito' || e.stage === 'activo') &&
                    members.stageButton(e, t('programmes.enrolments.changeStage'))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {members.modals}
    </Stack>
  );
}
