import { Alert, Badge, Button, Center, Divider, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import type { Holding } from '../../../shared/inventory/custody-schemas';
import { conditions, type CustodianType } from '../../../shared/inventory/rules';
import { MovementInput } from '../../../shared/inventory/schemas';
import { useApiMutation, useApiQuery } from '../api';
import { schemaValidator } from '../forms';
import { whole } from './badges';
import { DateField, todayIso } from './fields';
import { FormModal } from './FormModal';
import { RowAction } from './RecordParts';
import { useCan } from './session';
import { useRecordForm } from './useRecordForm';

/**
 * What a person or an ensemble holds now and held before (custody.holdings), on its page or
 * drawer: teacher, ensemble, participant or INPE staff member. Shown only to the roles that may
 * read custody; the return ("Registrar devolución") only to those that may record movements.
 */
export function HoldingsPanel({ custodianType, custodianId }: { custodianType: CustodianType; custodianId: number }) {
  const allowed = useCan('custody.holdings');
  return allowed ? <Holdings custodianType={custodianType} custodianId={custodianId} /> : null;
}

const endings = ['devolucion', 'extravio', 'regularizacion'] as const;
const isEnding = (v: string | null): v is (typeof endings)[number] => (endings as readonly (string | null)[]).includes(v);
const nowrap = { whiteSpace: 'nowrap' } as const;

/** The instrument of a row: its code, and its type under it. */
function InstrumentCell({ holding }: { holding: Holding }) {
  return (
    <>
      <Text size="sm" fw={600} style={nowrap}>
        {holding.code}
      </Text>
      <Text size="xs" c="dimmed">
        {holding.typeName}
      </Text>
    </>
  );
}

/** One part of the panel (what is held now, or before): its title, and its table or the sentence saying it is empty. */
function HoldingsTable({
  part,
  empty,
  headers,
  actions = false,
  children,
}: {
  part: 'current' | 'past';
  empty: boolean;
  headers: string[];
  /** A last column of buttons, without a title. */
  actions?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} data-testid={`holdings-${part}`}>
      <Title order={5} id={titleId} mb={4}>
        {t(`inventory.holdings.${part}`)}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t(`inventory.holdings.${part}Empty`)}
        </Text>
      ) : (
        <Table verticalSpacing={4} horizontalSpacing={6} fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
              {actions && <Table.Th w={40} aria-label={t('common.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function Holdings({ custodianType, custodianId }: { custodianType: CustodianType; custodianId: number }) {
  const { t } = useTranslation();
  const query = useApiQuery('custody.holdings', { custodianType, custodianId });
  const canReturn = useCan('instruments.move');
  const [returning, setReturning] = useState<Holding | null>(null);

  const body = () => {
    if (query.isError)
      return (
        <Alert color="red" variant="light">
          <Text size="sm">{query.error.message}</Text>
          <Button mt="xs" size="xs" variant="default" onClick={() => void query.refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      );
    if (!query.data)
      return (
        <Center py="sm">
          <Loader size="sm" aria-label={t('app.loading')} />
        </Center>
      );
    const { current, past } = query.data;
    return (
      <>
        <HoldingsTable
          part="current"
          empty={current.length === 0}
          headers={[
            t('inventory.holdings.instrument'),
            t('inventory.holdings.establishment'),
            t('inventory.holdings.since'),
            t('inventory.holdings.due'),
          ]}
          actions={canReturn}
        >
          {current.map((h) => (
            <Table.Tr key={h.instrumentId}>
              <Table.Td>
                <InstrumentCell holding={h} />
              </Table.Td>
              <Table.Td>{h.establishmentName ?? ''}</Table.Td>
              <Table.Td style={nowrap}>{formatDate(h.since)}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm" c={h.due ? undefined : 'dimmed'} style={nowrap}>
                    {h.due ? formatDate(h.due) : t('inventory.holdings.noDue')}
                  </Text>
                  {h.daysOverdue > 0 && (
                    <Badge color="red" variant="light" tt="none" styles={whole}>
                      {t('inventory.holdings.overdue', { count: h.daysOverdue })}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              {canReturn && (
                <Table.Td>
                  <RowAction label={t('inventory.holdings.returnAction')} name={h.code} onClick={() => setReturning(h)}>
                    <IconArrowBackUp size={18} />
                  </RowAction>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </HoldingsTable>
        <HoldingsTable
          part="past"
          empty={past.length === 0}
          headers={[
            t('inventory.holdings.instrument'),
            t('inventory.holdings.establishment'),
            t('inventory.holdings.from'),
            t('inventory.holdings.until'),
            t('inventory.holdings.endedBy'),
          ]}
        >
          {past.map((h, k) => (
            <Table.Tr key={`${h.instrumentId}-${h.since ?? ''}-${k}`}>
              <Table.Td>
                <InstrumentCell holding={h} />
              </Table.Td>
              <Table.Td>{h.establishmentName ?? ''}</Table.Td>
              <Table.Td style={nowrap}>{formatDate(h.since)}</Table.Td>
              <Table.Td style={nowrap}>{formatDate(h.until)}</Table.Td>
              <Table.Td>{isEnding(h.endedBy) ? t(`inventory.holdings.endings.${h.endedBy}`) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </HoldingsTable>
      </>
    );
  };

  return (
    <Stack gap="sm" data-testid="holdings">
      <Divider label={t('inventory.holdings.title')} labelPosition="left" />
      {body()}
      <ReturnModal holding={returning} onClose={() => setReturning(null)} />
    </Stack>
  );
}

interface ReturnValues {
  date: string | null;
  condition: string | null;
}

const blank: ReturnValues = { date: null, condition: null };

/** Exactly what instruments.move takes for a return (the schema is strict). */
const toMovement = (v: ReturnValues) => ({ kind: 'devolucion' as const, date: v.date ?? '', condition: v.condition });

/** "Registrar devolución" of one held instrument: its date and, optionally, the condition it comes back in. */
function ReturnModal({ holding: asked, onClose }: { holding: Holding | null; onClose: () => void }) {
  const { t } = useTranslation();
  // The instrument asked for, and the last one while the dialog fades out.
  const [holding, setHolding] = useState(asked);
  if (asked !== null && asked !== holding) setHolding(asked);
  const move = useApiMutation('instruments.move');
  const client = useQueryClient();
  const validate = schemaValidator(MovementInput, t);
  // Reset when it opens for another instrument, never on a background refetch; a refusal keeps what was typed.
  const { form, setFormError, saved, modal } = useRecordForm<ReturnValues>({
    opened: asked !== null,
    recordKey: asked?.instrumentId ?? null,
    initialValues: blank,
    values: () => ({ date: todayIso(), condition: null }),
    validate: (values) => validate(toMovement(values)),
    // main names the movement's fields under "movement."
    fieldNames: { 'movement.date': 'date', 'movement.condition': 'condition' },
  });
  const save = (values: ReturnValues) => {
    if (!holding) return;
    setFormError(null);
    const done = saved(t('inventory.holdings.returned', { code: holding.code }), onClose);
    move.mutate(
      { instrumentIds: [holding.instrumentId], movement: toMovement(values) as MovementInput },
      {
        onSuccess: done.onSuccess,
        onError: (err) => {
          done.onError(err);
          // Returned or moved meanwhile (another PC): the lists show it as it is now; the form keeps what was typed.
          if (err.error.code === 'conflict') void client.invalidateQueries({ queryKey: ['custody.holdings'] });
        },
      },
    );
  };
  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={holding ? t('inventory.holdings.returnTitle', { code: holding.code }) : ''}
      saving={move.isPending}
      saveLabel={t('inventory.holdings.returnAction')}
      gap="sm"
      actionsMt="xs"
      header={
        holding && (
          <Text size="sm" c="dimmed">
            {t('inventory.holdings.returnIntro', {
              code: holding.code,
              type: holding.typeName,
              since: formatDate(holding.since),
              establishment: holding.establishmentName ?? '',
            })}
          </Text>
        )
      }
    >
      <DateField
        data-autofocus
        required
        label={t('inventory.holdings.returnDate')}
        minDate={holding?.since ?? undefined}
        {...form.getInputProps('date')}
      />
      <Select
        label={t('inventory.holdings.returnCondition')}
        placeholder={t('inventory.holdings.keepCondition')}
        clearable
        data={conditions.map((c) => ({ value: c, label: t(`inventory.conditions.${c}`) }))}
        {...form.getInputProps('condition')}
      />
    </FormModal>
  );
}
