import { Alert, Badge, Checkbox, Group, ScrollArea, SimpleGrid, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { StocktakeClose, type StocktakeDetail } from '../../../../../shared/inventory/stocktake-schemas';
import { useApiMutation, type ApiCallError } from '../../../api';
import { schemaValidator } from '../../../forms';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { DateField, todayIso } from '../../../components/fields';
import { registeredWhere } from './ui';

interface CloseValues {
  actaNumber: string;
  date: string | null;
  confirm: boolean;
}

/** What the planned movement changes, as a clerk reads it. */
function plannedDetail(p: StocktakeDetail['planned'][number], d: StocktakeDetail, t: TFunction): string {
  const line = [...d.found, ...d.missing, ...d.elsewhere].find((l) => l.code === p.code);
  if (!line) return '';
  const what = [line.typeName, line.brand].filter(Boolean).join(' ');
  let change = '';
  if (p.kind === 'regularizacion' || p.kind === 'hallazgo') change = `${registeredWhere(line, t)} → ${d.stocktake.establishmentName}`;
  if (p.kind === 'cambio_estado' && line.registeredCondition && line.countedCondition)
    change = `${t(`inventory.conditions.${line.registeredCondition}`)} → ${t(`inventory.conditions.${line.countedCondition}`)}`;
  return [what, change].filter(Boolean).join(' · ');
}

/**
 * Closing: the planned movements for the clerk to review, the acta's number and date, and
 * an explicit confirmation. Main records the movements and closes the count in one step.
 */
export function CloseStocktakeModal({ opened, onClose, detail }: { opened: boolean; onClose: () => void; detail: StocktakeDetail }) {
  const { t } = useTranslation();
  const close = useApiMutation('stocktakes.close');
  const validate = schemaValidator(StocktakeClose, t);
  const toInput = (v: CloseValues) => ({ id: detail.stocktake.id, actaNumber: v.actaNumber, date: v.date, confirm: v.confirm });
  // Reset only when the dialog opens (the count's detail is refetched in the background).
  const { form, modal, onError } = useRecordForm<CloseValues>({
    opened,
    validate: (values) => {
      const errors = validate(toInput(values));
      // The shared schema names its own message for this box.
      if (errors.confirm) errors.confirm = t('inventory.stocktake.confirmRequired');
      return errors;
    },
    values: () => ({ actaNumber: '', date: todayIso(), confirm: false }),
    sentenceWithFields: false,
  });

  const save = (values: CloseValues) =>
    close.mutate(toInput(values) as { id: number; actaNumber: string; date: string; confirm: true }, {
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          autoClose: 10000,
          message: t('inventory.stocktake.closedOk', { movements: r.movements }),
        });
        onClose();
      },
      onError: (err: ApiCallError) => {
        onError(err);
        if (err.error.fields.confirm) form.setFieldError('confirm', t('inventory.stocktake.confirmRequired'));
      },
    });

  const planned = detail.planned;
  const recorded = planned.filter((p) => !p.observationOnly).length;
  const counts: Array<[string, number]> = [
    [t('inventory.stocktake.expected'), detail.expected],
    [t('inventory.stocktake.found'), detail.found.length],
    [t('inventory.stocktake.missing'), detail.missing.length],
    [t('inventory.stocktake.elsewhere'), detail.elsewhere.length],
    [t('inventory.stocktake.unknown'), detail.unknown.length],
  ];

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={t('inventory.stocktake.closeTitle')}
      size="xl"
      saving={close.isPending}
      saveLabel={t('inventory.stocktake.close')}
      saveColor="red"
      gap="sm"
      actionsMt="sm"
    >
      <Text fw={600}>{detail.stocktake.establishmentName}</Text>
      <Group gap="xs">
        {counts.map(([label, n]) => (
          <Badge key={label} variant="light" color="gray" tt="none" size="lg">
            {label}: {n}
          </Badge>
        ))}
      </Group>
      {planned.length === 0 ? (
        <Alert color="teal" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('inventory.stocktake.noDifferences')}
        </Alert>
      ) : (
        <>
          <Text size="sm">{t('inventory.stocktake.closeText')}</Text>
          <Text fw={600} size="sm">
            {t('inventory.stocktake.planned')} ({planned.length})
          </Text>
          <ScrollArea.Autosize mah={280} type="auto">
            <Table striped verticalSpacing={4} withTableBorder data-testid="planned-movements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inventory.instruments.code')}</Table.Th>
                  <Table.Th>{t('inventory.movement.kind')}</Table.Th>
                  <Table.Th>{t('inventory.stocktake.plannedDetail')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {planned.map((p) => (
                  <Table.Tr key={`${p.code}-${p.kind}`} style={p.observationOnly ? { opacity: 0.75 } : undefined}>
                    <Table.Td ff="monospace" fw={600}>
                      {p.code}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" td={p.observationOnly ? 'line-through' : undefined}>
                          {t(`inventory.kinds.${p.kind}`)}
                        </Text>
                        {p.observationOnly && (
                          <Tooltip label={t('inventory.stocktake.observationOnly')} multiline w={260}>
                            <Badge color="yellow" variant="light" tt="none" size="sm" style={{ overflow: 'visible' }}>
                              {t('inventory.stocktake.observationBadge')}
                            </Badge>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {plannedDetail(p, detail, t)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {planned.some((p) => p.observationOnly) && (
            <Text size="xs" c="dimmed">
              {t('inventory.stocktake.observationBadge')}: {t('inventory.stocktake.observationOnly')}
            </Text>
          )}
        </>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          data-autofocus
          required
          label={t('inventory.stocktake.actaNumber')}
          autoComplete="off"
          {...form.getInputProps('actaNumber')}
        />
        <DateField required label={t('inventory.stocktake.closeDate')} {...form.getInputProps('date')} />
      </SimpleGrid>
      <Checkbox
        label={t('inventory.stocktake.confirm')}
        description={recorded ? t('inventory.stocktake.confirmHint', { count: recorded }) : undefined}
        {...form.getInputProps('confirm', { type: 'checkbox' })}
      />
    </FormModal>
  );
}
