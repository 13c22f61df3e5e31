import { Alert, Button, Center, Divider, Group, Loader, SimpleGrid, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowsExchange,
  IconBan,
  IconEdit,
  IconMapPin,
  IconPlus,
  IconQuestionMark,
  IconSearch,
  IconTool,
  IconTruck,
  IconUser,
  type Icon,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../../shared/format';
import { daysOverdue } from '../../../../../shared/inventory/rules';
import type { Instrument, Movement } from '../../../../../shared/inventory/schemas';
import { useApiQuery } from '../../../api';
import { EditButton, Field, RecordDrawer, RecordHeading, useShownId } from '../../../components/RecordParts';
import { InstrumentPhotos } from './InstrumentPhotos';
import { MovementPapers } from './MovementPapers';
import { useCan } from '../../../components/session';
import { ConditionBadge, custodianLabel, locationLabel, StatusBadge } from './ui';
import { useMoney } from '../../../components/money';
import { todayIso } from '../../../components/fields';
import { ReturnModal, type CustodyTarget } from '../custody/CustodyModals';
import { DonationLine } from './DonationFields';

function Line({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <Text size="sm">
      {label && (
        <Text span c="dimmed">
          {label}:{' '}
        </Text>
      )}
      {children}
    </Text>
  );
}

const kindIcons: Record<string, Icon> = {
  alta: IconPlus,
  asignacion: IconMapPin,
  despacho: IconTruck,
  recepcion: IconMapPin,
  entrega: IconUser,
  devolucion: IconUser,
  envio_reparacion: IconTool,
  retorno_reparacion: IconTool,
  cambio_estado: IconEdit,
  regularizacion: IconSearch,
  baja: IconBan,
  extravio: IconQuestionMark,
  hallazgo: IconSearch,
};

function MovementItem({ mv }: { mv: Movement }) {
  const { t } = useTranslation();
  const money = useMoney();
  const docLabel =
    mv.kind === 'despacho'
      ? 'inventory.movement.actaNumber'
      : mv.kind === 'baja'
        ? 'inventory.movement.resolutionNumber'
        : 'inventory.movement.documentNumber';
  const personLabel = mv.kind === 'recepcion' ? 'inventory.movement.receivedBy' : 'inventory.movement.sentBy';
  const central = t('inventory.instruments.central');
  return (
    <Stack gap={2} data-testid="movement-item">
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600} size="sm">
          {t(`inventory.kinds.${mv.kind}`)}
        </Text>
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
          {formatDate(mv.date)}
        </Text>
      </Group>
      {mv.toEstablishmentName ? (
        <Line>
          {mv.fromEstablishmentName ?? central} → {mv.toEstablishmentName}
        </Line>
      ) : (
        <Line>{mv.establishmentAfterName ?? central}</Line>
      )}
      {mv.custodianName && (
        <Line label={t('inventory.instruments.custodian')}>
          {custodianLabel({ custodianName: mv.custodianName, custodianType: mv.custodianType }, t)}
        </Line>
      )}
      {mv.dueDate && <Line label={t('inventory.movement.dueDate')}>{formatDate(mv.dueDate)}</Line>}
      {mv.condition && <Line label={t('inventory.instruments.condition')}>{t(`inventory.conditions.${mv.condition}`)}</Line>}
      {mv.documentNumber && <Line label={t(docLabel)}>{mv.documentNumber}</Line>}
      {mv.person && <Line label={t(personLabel)}>{mv.person}</Line>}
      {mv.provider && <Line label={t('inventory.movement.provider')}>{mv.provider}</Line>}
      {mv.costCentimos !== null && <Line label={t('inventory.movement.repairCostShort')}>{money(mv.costCentimos)}</Line>}
      {mv.description && (
        <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
          {mv.description}
        </Text>
      )}
      <Group gap="xs" mt={2}>
        <StatusBadge status={mv.statusAfter} size="sm" />
        <Text size="xs" c="dimmed">
          {t('inventory.movement.recordedByAt', { user: mv.recordedBy, date: formatDateTime(mv.recordedAt) })}
          {mv.batchId && ` · ${t('inventory.movement.batch')} ${mv.batchId.slice(0, 8)}`}
        </Text>
        <MovementPapers mv={mv} />
      </Group>
    </Stack>
  );
}

/** Who holds it, since when, until when it was expected back, and how late it is. */
function CustodyState({ instrument: i }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const late = daysOverdue(i.custodyDue, todayIso());
  return (
    <Stack gap={0} data-testid="instrument-custodian">
      <Text size="sm">{custodianLabel(i, t)}</Text>
      {i.custodySince && (
        <Text size="xs" c="dimmed">
          {t('inventory.custody.state.since', { date: formatDate(i.custodySince) })}
        </Text>
      )}
      {i.custodyDue && (
        <Text size="xs" c={late > 0 ? undefined : 'dimmed'}>
          {t('inventory.custody.state.due', { date: formatDate(i.custodyDue) })}
          {late > 0 && (
            <Text span size="xs" c="red.8" fw={700}>
              {' · '}
              {t('inventory.custody.state.overdue', { count: late })}
            </Text>
          )}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The record of one instrument: every field, where it is and who holds it, and its whole
 * history (the ledger, oldest first: how it got where it is).
 */
export function InstrumentDrawer({
  instrumentId,
  onClose,
  onMove,
  onEdit,
}: {
  instrumentId: number | null;
  onClose: () => void;
  onMove: (i: Instrument) => void;
  onEdit: (i: Instrument) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const canEdit = useCan('instruments.update');
  const canMove = useCan('instruments.move');
  const shownId = useShownId(instrumentId);
  const id = shownId ?? 0;
  const enabled = shownId !== null;
  const instrument = useApiQuery('instruments.get', { id }, { enabled });
  const history = useApiQuery('instruments.history', { id }, { enabled });
  const movements = [...(history.data ?? [])].sort((a, b) => a.seq - b.seq);
  const [returning, setReturning] = useState<CustodyTarget | null>(null);

  return (
    <RecordDrawer
      opened={instrumentId !== null}
      onClose={onClose}
      size={700}
      title={instrument.data ? `${t('inventory.instruments.details')}: ${instrument.data.code}` : t('inventory.instruments.details')}
      query={instrument}
      record={instrument.data}
      footer={<ReturnModal target={returning} onClose={() => setReturning(null)} />}
    >
      {(i) => (
        <Stack gap="md">
          <RecordHeading
            title={[i.typeName, i.brand, i.model].filter(Boolean).join(' · ')}
            actions={
              <>
                {canEdit && <EditButton onClick={() => onEdit(i)} />}
                {canMove && i.custodianName && (
                  <Button
                    variant="default"
                    leftSection={<IconArrowBackUp size={16} />}
                    onClick={() => setReturning({ instrumentId: i.id, code: i.code, custodian: custodianLabel(i, t) })}
                  >
                    {t('inventory.custody.returnAction')}
                  </Button>
                )}
                {canMove && (
                  <Button leftSection={<IconArrowsExchange size={16} />} onClick={() => onMove(i)}>
                    {t('inventory.instruments.moveSelection')}
                  </Button>
                )}
              </>
            }
          >
            <Text c="dimmed" size="sm">
              {t(`inventory.families.${i.family}`)}
            </Text>
          </RecordHeading>

          <Alert variant="light" color="gray" p="sm" title={t('inventory.instruments.currentState')}>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
              <Field label={t('inventory.instruments.status')}>
                <StatusBadge status={i.status} />
              </Field>
              <Field label={t('inventory.instruments.condition')}>
                <ConditionBadge condition={i.condition} />
              </Field>
              <Field label={t('inventory.instruments.establishment')}>{locationLabel(i, t)}</Field>
              <Field label={t('inventory.instruments.custodian')}>{i.custodianName ? <CustodyState instrument={i} /> : null}</Field>
            </SimpleGrid>
          </Alert>

          <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
            <Field label={t('inventory.instruments.brand')}>{i.brand}</Field>
            <Field label={t('inventory.instruments.model')}>{i.model}</Field>
            <Field label={t('inventory.instruments.serialNumber')}>{i.serialNumber}</Field>
            <Field label={t('inventory.instruments.acquisitionDate')}>{formatDate(i.acquisitionDate)}</Field>
            <Field label={t('inventory.instruments.value')}>{money(i.costCentimos)}</Field>
            <Field label={t('inventory.instruments.funding')}>{t(`inventory.fundings.${i.funding}`)}</Field>
            {i.funding !== 'presupuesto_inpe' && (
              <Field label={t('inventory.instruments.donation')}>
                <DonationLine instrument={i} />
              </Field>
            )}
            <Field label={t('inventory.instruments.supplier')}>{i.supplier}</Field>
            <Field label={t('inventory.instruments.supplierDocument')}>{i.supplierDocument}</Field>
            <Field label={t('inventory.instruments.notes')} span>
              {i.notes}
            </Field>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('inventory.instruments.lastChange', { date: formatDateTime(i.updatedAt), user: i.updatedBy })}
          </Text>

          <InstrumentPhotos instrumentId={i.id} />

          <Divider label={t('inventory.instruments.history')} labelPosition="left" />
          {history.isPending ? (
            <Center>
              <Loader size="sm" aria-label={t('app.loading')} />
            </Center>
          ) : movements.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('inventory.instruments.noHistory')}
            </Text>
          ) : (
            <Timeline active={movements.length - 1} bulletSize={26} lineWidth={2} aria-label={t('inventory.instruments.history')}>
              {movements.map((mv) => {
                const KindIcon = kindIcons[mv.kind] ?? IconArrowsExchange;
                return (
                  <Timeline.Item
                    key={mv.id}
                    bullet={
                      <ThemeIcon size={26} radius="xl" variant="filled">
                        <KindIcon size={14} />
                      </ThemeIcon>
                    }
                  >
                    <MovementItem mv={mv} />
                  </Timeline.Item>
                );
              })}
            </Timeline>
          )}
        </Stack>
      )}
    </RecordDrawer>
  );
}
