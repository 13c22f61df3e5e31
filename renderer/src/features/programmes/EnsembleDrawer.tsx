import { Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Ensemble } from '../../../../shared/programmes/schemas';
import { useApiQuery } from '../../api';
import { HoldingsPanel } from '../../components/HoldingsPanel';
import { useCan } from '../../components/session';
import { EnsembleInstrumentsPanel, HeldCell } from './EnsembleInstruments';
import { useMemberDialogs } from './memberDialogs';
import { PartLabel } from './parts';
import { nameOf, StageBadge } from './ui';

/**
 * An ensemble's page (a drawer over the list): its current members with their part and the
 * instrument each holds, the parts missing an instrument, the ensemble's instruments, and what
 * the ensemble itself holds and held (with the return).
 */
export function EnsembleDrawer({
  ensemble,
  onClose,
  onEdit,
}: {
  ensemble: Ensemble | null;
  onClose: () => void;
  onEdit: (g: Ensemble) => void;
}) {
  const { t } = useTranslation();
  const dialogs = useMemberDialogs('ensemble', ensemble);
  const canEnrol = useCan('enrolments.create');
  const canStage = useCan('enrolments.setStage');
  const canEdit = useCan('ensembles.update');
  const members = useApiQuery('enrolments.list', { ensembleId: ensemble?.id ?? 0, openOnly: true }, { enabled: ensemble !== null });
  const instruments = useApiQuery('ensembles.instruments', { id: ensemble?.id ?? 0 }, { enabled: ensemble !== null });
  return (
    <Drawer
      opened={ensemble !== null}
      onClose={onClose}
      position="right"
      size={780}
      title={ensemble ? t('programmes.ensembles.membersOf', { name: ensemble.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {ensemble && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t(`programmes.ensembleTypes.${ensemble.type}`)} · {ensemble.establishmentName} · {ensemble.director ?? ''}
          </Text>
          <Group>
            {canEnrol && (
              <Button leftSection={<IconUserPlus size={16} />} onClick={dialogs.openEnrol} disabled={!ensemble.active}>
                {t('programmes.ensembles.addMembers')}
              </Button>
            )}
            {canEdit && (
              <Button variant="default" onClick={() => onEdit(ensemble)}>
                {t('common.edit')}
              </Button>
            )}
          </Group>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes.participants.codeShort')}</Table.Th>
                <Table.Th>{t('programmes.participants.name')}</Table.Th>
                <Table.Th>{t('programmes.enrolments.part')}</Table.Th>
                <Table.Th>{t('programmes.ensembleParts.holds')}</Table.Th>
                <Table.Th>{t('programmes.enrolments.stage')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(members.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {e.participantCode}
                  </Table.Td>
                  <Table.Td>{nameOf(e)}</Table.Td>
                  <Table.Td>
                    <PartLabel enrolment={e} />
                  </Table.Td>
                  <Table.Td>
                    <HeldCell enrolment={e} data={instruments.data} />
                  </Table.Td>
                  <Table.Td>
                    <StageBadge stage={e.stage} />
                  </Table.Td>
                  <Table.Td>{canStage && dialogs.stageButton(e, t('programmes.enrolments.changeStageOrPart'))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <EnsembleInstrumentsPanel data={instruments.data} members={members.data ?? []} />
          <HoldingsPanel custodianType="elenco" custodianId={ensemble.id} />
          {dialogs.modals}
        </Stack>
      )}
    </Drawer>
  );
}
