import { Alert, Button, Group, Input, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import {
  ConsumableItemInput,
  ConsumableMinimum,
  ConsumableMove,
  type StockRow,
} from '../../../../shared/instruments/consumable-schemas';
import { useApiMutation, useApiQuery, type ApiCallError } from '../../api';
import { schemaValidator, useResetOnOpen } from '../../forms';
import { DateField, todayIso, useEstablishmentOptions } from '../../components/fields';
import { unitFor } from '../../../../shared/units';

const toNumber = (v: number | string) => (v === '' || v === null || v === undefined ? undefined : Number(v));

/** Main's refusal: next to its fields when it names them, above the form when it does not. */
function useRefusal() {
  const [message, setMessage] = useState<string | null>(null);
  const handle = (err: ApiCallError, setErrors: (e: Record<string, string>) => void) => {
    setErrors(err.error.fields);
    setMessage(Object.keys(err.error.fields).length ? null : err.error.message);
  };
  const alert = message ? (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  ) : null;
  return { alert, handle, clear: () => setMessage(null) };
}

interface MoveValues {
  itemId: string | null;
  establishmentId: string | null;
  kind: 'ingreso' | 'entrega';
  quantity: number | string;
  date: string | null;
  recipient: string;
  notes: string;
}

const toMove = (v: MoveValues) => ({
  itemId: v.itemId === null ? undefined : Number(v.itemId),
  establishmentId: v.establishmentId === null ? undefined : Number(v.establishmentId),
  kind: v.kind,
  quantity: toNumber(v.quantity),
  date: v.date,
  recipient: v.kind === 'entrega' ? v.recipient : '',
  notes: v.notes,
});

/** "Registrar entrada o entrega": the stock of the chosen pair is shown; main refuses to deliver more than there is. */
export function MoveModal({
  preset,
  onClose,
}: {
  preset: { itemId: number | null; establishmentId: number | null } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const opened = preset !== null;
  const items = useApiQuery('consumables.items', {});
  const establishments = useEstablishmentOptions();
  const move = useApiMutation('consumables.move');
  const refusal = useRefusal();
  const validate = schemaValidator(ConsumableMove, t);
  const empty = (): MoveValues => ({
    itemId: preset?.itemId ? String(preset.itemId) : null,
    establishmentId: preset?.establishmentId ? String(preset.establishmentId) : null,
    kind: 'ingreso',
    quantity: '',
    date: todayIso(),
    recipient: '',
    notes: '',
  });
  const form = useForm<MoveValues>({
    mode: 'controlled',
    initialValues: empty(),
    validate: (values) => validate(toMove(values)),
  });

  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(opened, preset ? `${preset.itemId}-${preset.establishmentId}` : null, () => {
    refusal.clear();
    form.setErrors({});
    form.setValues(empty());
  });

  const chosenEstablishment = form.values.establishmentId === null ? null : Number(form.values.establishmentId);
  const stock = useApiQuery('consumables.stock', { establishmentId: chosenEstablishment, lowOnly: false }, { enabled: opened && chosenEstablishment !== null });
  const item = (items.data ?? []).find((i) => String(i.id) === form.values.itemId);
  const current =
    item && chosenEstablishment !== null && stock.data
      ? (stock.data.find((r) => r.itemId === item.id)?.stock ?? 0)
      : null;

  const submit = form.onSubmit((values) => {
    refusal.clear();
    move.mutate(toMove(values) as z.input<typeof ConsumableMove>, {
      onSuccess: (row) => {
        notifications.show({
          color: 'teal',
          message: `${t('inventory.consumables.saved')} ${t('inventory.consumables.currentStockOf', { item: row.itemName, establishment: row.establishmentName, stock: row.stock, unit: unitFor(row.stock, row.unit) })}`,
        });
        onClose();
      },
      onError: (err) => refusal.handle(err, form.setErrors),
    });
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('inventory.consumables.move')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {refusal.alert}
          <Input.Wrapper label={t('inventory.consumables.kind')} required>
            <div>
              <SegmentedControl
                fullWidth
                data={[
                  { value: 'ingreso', label: t('inventory.consumables.ingreso') },
                  { value: 'entrega', label: t('inventory.consumables.entrega') },
                ]}
                color={form.values.kind === 'entrega' ? 'orange' : 'teal'}
                {...form.getInputProps('kind')}
              />
            </div>
          </Input.Wrapper>
          <Select
            data-autofocus
            required
            label={t('inventory.consumables.item')}
            data={(items.data ?? []).filter((i) => i.active).map((i) => ({ value: String(i.id), label: i.name }))}
            searchable
            selectFirstOptionOnChange
            nothingFoundMessage={t('inventory.consumables.noItems')}
            {...form.getInputProps('itemId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              required
              label={t('inventory.consumables.establishment')}
              data={establishments}
              searchable
              selectFirstOptionOnChange
              {...form.getInputProps('establishmentId')}
            />
            <DateField required label={t('inventory.consumables.date')} {...form.getInputProps('date')} />
            <NumberInput
              required
              label={t('inventory.consumables.quantity')}
              description={
                current !== null && item ? t('inventory.consumables.currentStock', { stock: current, unit: unitFor(current, item.unit) }) : ' '
              }
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              hideControls
              rightSection={
                item ? (
                  <Text size="xs" c="dimmed" pr="xs">
                    {item.unit}
                  </Text>
                ) : undefined
              }
              rightSectionWidth={item ? 80 : undefined}
              {...form.getInputProps('quantity')}
            />
            {form.values.kind === 'entrega' && (
              <TextInput
                label={t('inventory.consumables.recipient')}
                description={' '}
                {...form.getInputProps('recipient')}
              />
            )}
          </SimpleGrid>
          <Textarea label={t('inventory.consumables.notes')} autosize minRows={2} maxRows={4} {...form.getInputProps('notes')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={move.isPending}>
              {t('inventory.consumables.saveMove')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Fijar mínimo" for one item at one establishment: below it, the row shows "Bajo el mínimo". */
export function MinimumModal({ row, onClose }: { row: StockRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const setMinimum = useApiMutation('consumables.setMinimum');
  const refusal = useRefusal();
  const validate = schemaValidator(ConsumableMinimum, t);
  const form = useForm<{ minimum: number | string }>({
    mode: 'controlled',
    initialValues: { minimum: '' },
    validate: (v) => (row ? validate({ itemId: row.itemId, establishmentId: row.establishmentId, minimum: toNumber(v.minimum) }) : {}),
  });

  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(row !== null, row ? `${row.itemId}-${row.establishmentId}` : null, () => {
    if (!row) return;
    refusal.clear();
    form.setErrors({});
    form.setValues({ minimum: row.minimum ?? '' });
  });

  const submit = form.onSubmit((v) => {
    if (!row) return;
    setMinimum.mutate(
      { itemId: row.itemId, establishmentId: row.establishmentId, minimum: Number(v.minimum) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: saved.low ? 'orange' : 'teal', message: t('inventory.consumables.minimumSaved') });
          onClose();
        },
        onError: (err) => refusal.handle(err, form.setErrors),
      },
    );
  });

  return (
    <Modal
      opened={row !== null}
      onClose={onClose}
      title={t('inventory.consumables.setMinimum')}
      size="sm"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {row && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {refusal.alert}
            <div>
              <Text fw={600}>{row.itemName}</Text>
              <Text size="sm" c="dimmed">
                {row.establishmentName}
              </Text>
              <Text size="sm" mt={4}>
                {t('inventory.consumables.currentStock', { stock: row.stock, unit: unitFor(row.stock, row.unit) })}
              </Text>
            </div>
            <NumberInput
              data-autofocus
              required
              label={t('inventory.consumables.minimum')}
              description={t('inventory.consumables.minimumHint')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps('minimum')}
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={setMinimum.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** "Nuevo artículo": a name (unique, without regard to accents or case) and the unit it is counted in. */
export function ItemFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('consumables.createItem');
  const refusal = useRefusal();
  const validate = schemaValidator(ConsumableItemInput, t);
  const form = useForm({ mode: 'controlled', initialValues: { name: '', unit: '' }, validate: (v) => validate(v) });

  useEffect(() => {
    if (!opened) return;
    refusal.clear();
    form.setErrors({});
    form.setValues({ name: '', unit: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the dialog opens
  }, [opened]);

  const submit = form.onSubmit((v) =>
    create.mutate(v, {
      onSuccess: (item) => {
        notifications.show({ color: 'teal', message: t('inventory.consumables.itemCreated', { name: item.name }) });
        onClose();
      },
      onError: (err) => refusal.handle(err, form.setErrors),
    }),
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('inventory.consumables.newItem')}
      size="md"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {refusal.alert}
          <TextInput
            data-autofocus
            required
            label={t('inventory.consumables.itemName')}
            placeholder={t('inventory.consumables.itemNamePlaceholder')}
            {...form.getInputProps('name')}
          />
          <TextInput
            required
            label={t('inventory.consumables.unit')}
            placeholder={t('inventory.consumables.unitPlaceholder')}
            {...form.getInputProps('unit')}
          />
          <Text size="sm" c="dimmed">
            {t('inventory.consumables.newItemHint')}
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
