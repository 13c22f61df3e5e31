import { Alert, Anchor, Badge, Button, Divider, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileTypePdf, IconPlayerPlay, IconRefresh, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../../shared/format';
import { allowedActions, contractDocumentKinds } from '../../../../../shared/contracts/rules';
import type { Contract } from '../../../../../shared/contracts/schemas';
import { call, useApiQuery } from '../../../api';
import { routes } from '../../../app/routes';
import { EditButton, Field, RecordDrawer, useShownId } from '../../../components/RecordParts';
import { useCan } from '../../../components/session';
import { todayIso } from '../../../components/fields';
import { useSaveFile } from '../../../components/files';
import { ConformityFormModal } from '../conformities/ConformityFormModal';
import { usePeriodLabel } from '../../../components/numbers';
import { ConformityStatusBadge, ContractStatusBadge, DocumentsPanel } from '../ui';
import { useMoney } from '../../../components/money';

export type LifecycleAction = 'edit' | 'activate' | 'terminate' | 'renew';

/**
 * One contract: its terms, where and until when, what each month has been signed off and
 * paid, the renewal chain, its history and documents, and the actions its status allows.
 */
export function ContractDrawer({
  contractId,
  onClose,
  onAction,
}: {
  contractId: number | null;
  onClose: () => void;
  onAction: (action: LifecycleAction, c: Contract) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const periodLabel = usePeriodLabel();
  const saveFile = useSaveFile();
  const shownId = useShownId(contractId);
  const id = shownId ?? 0;
  const detail = useApiQuery('contracts.get', { id }, { enabled: shownId !== null });
  const [conformity, setConformity] = useState<string | null>(null);
  const c = detail.data?.contract;
  const canWrite = useCan('contracts.update');
  const canSignOff = useCan('conformities.create');
  const actions = c && canWrite ? allowedActions(c.status, c.renewedById !== null) : [];

  return (
    <RecordDrawer
      opened={contractId !== null}
      onClose={onClose}
      size={880}
      title={c ? `${t('contracts.contracts.details')}: ${c.number}` : t('contracts.contracts.details')}
      query={detail}
      record={detail.data && c ? { d: detail.data, c } : undefined}
      footer={
        <ConformityFormModal
          opened={conformity !== null}
          onClose={() => setConformity(null)}
          conformity={null}
          presetContractId={c?.id ?? null}
          presetPeriod={conformity}
        />
      }
    >
      {({ d, c }) => (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={4}>
              <Group gap="xs">
                <Title order={3}>{c.number}</Title>
                <ContractStatusBadge status={c.status} />
                {c.overBudget && (
                  <Badge color="orange" variant="light" tt="none" leftSection={<IconAlertTriangle size={12} />}>
                    {t('contracts.contracts.overBudget')}
                  </Badge>
                )}
              </Group>
              <Anchor component={Link} to={`${routes.teachers}?ficha=${c.teacherId}`} size="sm">
                {c.teacherName} — {t('contracts.teachers.dni')} {c.teacherDni}
              </Anchor>
            </Stack>
            <Group gap="xs">
              {actions.includes('edit') && <EditButton onClick={() => onAction('edit', c)} />}
              {actions.includes('activate') && (
                <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => onAction('activate', c)}>
                  {t('contracts.contracts.activate')}
                </Button>
              )}
              {actions.includes('renew') && (
                <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={() => onAction('renew', c)}>
                  {t('contracts.contracts.renew')}
                </Button>
              )}
              {actions.includes('terminate') && (
                <Button variant="light" color="red" leftSection={<IconX size={16} />} onClick={() => onAction('terminate', c)}>
                  {t('contracts.contracts.terminate')}
                </Button>
              )}
              <Button
                variant="default"
                leftSection={<IconFileTypePdf size={16} />}
                onClick={() => void saveFile(() => call('contracts.summaryPdf', { id: c.id })).catch(() => undefined)}
              >
                {t('contracts.contracts.summaryPdf')}
              </Button>
            </Group>
          </Group>

          {c.status === 'borrador' && (
            <Alert color="gray" variant="light">
              {t('contracts.contracts.draftHint')}
            </Alert>
          )}
          {d.warnings.length > 0 && (
            <Alert
              color="orange"
              icon={<IconAlertTriangle />}
              title={t('contracts.contracts.warningsTitle')}
              data-testid="contract-warnings"
            >
              <Stack gap={4}>
                {d.warnings.map((w) => (
                  <Text key={w.message} size="sm">
                    {w.message}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}

          <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
            <Field label={t('contracts.contracts.modality')}>{t(`contracts.modalities.${c.modality}`)}</Field>
            <Field label={t('contracts.contracts.period')}>
              {formatDate(c.startDate)} – {formatDate(c.endDate)}
            </Field>
            <Field label={t('contracts.contracts.hoursPerWeek')}>{String(c.hoursPerWeek)}</Field>
            <Field label={t('contracts.contracts.amount')}>
              {money(c.amountCentimos)} ({t(`contracts.amountTypes.${c.amountType}`).toLowerCase()})
            </Field>
            <Field label={t('contracts.contracts.total')}>{money(c.totalCentimos)}</Field>
            <Field label={t('contracts.contracts.budgetLine')}>{t(`contracts.budgetLines.${c.budgetLine}`)}</Field>
            <Field label={t('contracts.contracts.object')} span>
              {c.object}
            </Field>
            {c.signedOn && <Field label={t('contracts.contracts.signedOn')}>{formatDate(c.signedOn)}</Field>}
            {c.resolvedOn && (
              <Field label={t('contracts.contracts.resolvedOn')} span>
                {formatDate(c.resolvedOn)} — {c.resolutionReason}
              </Field>
            )}
            {c.notes && (
              <Field label={t('contracts.contracts.notes')} span>
                {c.notes}
              </Field>
            )}
          </SimpleGrid>

          <Table verticalSpacing={4} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contracts.contracts.establishment')}</Table.Th>
                <Table.Th>{t('contracts.contracts.workshops')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.establishments.map((e) => (
                <Table.Tr key={e.establishmentId}>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {e.linkedWorkshops.length > 0
                        ? e.linkedWorkshops.map((w) => w.name).join(', ')
                        : t('contracts.workshopLinks.noneLinked')}
                    </Text>
                    {e.workshops && (
                      <Text size="xs" c="dimmed">
                        {t('contracts.workshopLinks.typed', { text: e.workshops })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>

          <Divider label={t('contracts.contracts.schedule')} labelPosition="left" />
          <Group gap="lg">
            <Text size="sm">
              {t('contracts.contracts.paid')}: <b>{money(d.paidCentimos)}</b>
            </Text>
            <Text size="sm">
              {t('contracts.contracts.pending')}: <b>{money(d.pendingCentimos)}</b>
            </Text>
          </Group>
          <Table verticalSpacing={4} striped data-testid="schedule">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contracts.contracts.scheduleMonth')}</Table.Th>
                <Table.Th ta="right">{t('contracts.contracts.expected')}</Table.Th>
                <Table.Th>{t('contracts.conformities.status')}</Table.Th>
                <Table.Th ta="right">{t('contracts.conformities.gross')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('contracts.contracts.paidOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.schedule.map((m) => (
                <Table.Tr key={m.period} bg={m.due && !m.conformityStatus ? 'var(--mantine-color-yellow-light)' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodLabel(m.period)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(m.expectedCentimos)}
                  </Table.Td>
                  <Table.Td>
                    {m.conformityStatus ? (
                      <ConformityStatusBadge status={m.conformityStatus} />
                    ) : m.due ? (
                      <Text size="sm" c="orange.8" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {t('contracts.contracts.monthDue')}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {c.status === 'borrador' ? '' : t('contracts.contracts.monthUpcoming')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {m.grossCentimos === null ? '' : money(m.grossCentimos)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(m.paymentDate)}</Table.Td>
                  <Table.Td ta="right">
                    {!m.conformityStatus &&
                      canSignOff &&
                      c.status !== 'borrador' &&
                      m.expectedCentimos > 0 &&
                      m.period <= todayIso().slice(0, 7) && (
                        <Button
                          size="compact-xs"
                          variant={m.due ? 'filled' : 'light'}
                          leftSection={<IconCheck size={12} />}
                          onClick={() => setConformity(m.period)}
                        >
                          {t('contracts.contracts.registerConformity')}
                        </Button>
                      )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>

          {d.chain.length > 1 && (
            <>
              <Divider label={t('contracts.contracts.chain')} labelPosition="left" />
              <Timeline active={d.chain.findIndex((x) => x.id === c.id)} bulletSize={18} lineWidth={2} data-testid="chain">
                {d.chain.map((x) => (
                  <Timeline.Item
                    key={x.id}
                    title={
                      x.id === c.id ? (
                        <Text fw={700} size="sm">
                          {x.number} ({t('contracts.contracts.current')})
                        </Text>
                      ) : (
                        <Anchor component={Link} to={`${routes.contracts}?ficha=${x.id}`} size="sm" fw={600}>
                          {x.number}
                        </Anchor>
                      )
                    }
                  >
                    <Group gap="xs">
                      <Text size="xs" c="dimmed">
                        {formatDate(x.startDate)} – {formatDate(x.endDate)}
                      </Text>
                      <ContractStatusBadge status={x.status} size="sm" />
                    </Group>
                  </Timeline.Item>
                ))}
              </Timeline>
            </>
          )}

          <Divider label={t('contracts.contracts.history')} labelPosition="left" />
          <Timeline active={d.events.length - 1} bulletSize={14} lineWidth={2}>
            {d.events.map((e) => (
              <Timeline.Item
                key={e.seq}
                title={
                  <Text size="sm" fw={600}>
                    {t(`contracts.eventKinds.${e.kind}`)}
                    {e.date ? ` — ${formatDate(e.date)}` : ''}
                  </Text>
                }
              >
                {e.detail && <Text size="sm">{e.detail}</Text>}
                <Text size="xs" c="dimmed">
                  {t('contracts.contracts.recordedBy', { user: e.recordedBy, date: formatDateTime(e.recordedAt) })}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>

          <Divider />
          <DocumentsPanel
            documents={d.documents}
            readOnly={!canWrite}
            kinds={contractDocumentKinds}
            defaultKind="contrato_firmado"
            onAdd={async (f) => {
              await call('contracts.addDocument', { id: c.id, ...f } as never);
              await detail.refetch();
            }}
            onRemove={async (hash) => {
              await call('contracts.removeDocument', { id: c.id, hash });
              await detail.refetch();
            }}
            onCopy={(hash) => call('contracts.documentCopy', { id: c.id, hash })}
          />
        </Stack>
      )}
    </RecordDrawer>
  );
}
