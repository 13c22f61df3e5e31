import { Input, NumberInput, SegmentedControl, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import {
  ConsumableItemInput,
  ConsumableMinimum,
  ConsumableMove,
  type ConsumableItem,
  type StockRow,
} from '../../../../../shared/inventory/consumable-schemas';
import { consumableCategories, type ConsumableCategory } from '../../../../../shared/inventory/rules';
import { readMoney } from '../../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../../api';
import { renameErrors, schemaValidator } from '../../../forms';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { DateField, SolesInput, todayIso, useEstablishmentOptions } from '../../../components/fields';
import { solesToCentimos, useMoney } from '../../../components/money';
import { unitFor } from '../../../../../shared/units';
import { useCount } from '../../../components/numbers';

const toNumber = (v: number | string) => (v === '' || v === null || v === undefined ? undefined : Number(v));

interface MoveValues {
  itemId: string | null;
  establishmentId: string | null;
  kind: 'ingreso' | 'entrega';
  quantity: number | string;
  date: string | null;
  recipient: string;
  notes: string;
  /** What one unit cost, as typed (an ingreso only). */
  unitCost: string;
}

const toMove = (v: MoveValues) => ({
  itemId: v.itemId === null ? undefined : Number(v.itemId),
  establishmentId: v.establishmentId === null ? undefined : Number(v.establishmentId),
  kind: v.kind,
  quantity: toNumber(v.quantity),
  date: v.date,
  recipient: v.kind === 'entrega' ? v.recipient : '',
  notes: v.notes,
  unitCostCentimos: v.kind === 'ingreso' ? (solesToCentimos(v.unitCost) ?? null) : null,
});

/** Schema field → form field, where they differ. */
const moveFieldNames = { unitCostCentimos: 'unitCost' };

/** The items for a Select, grouped by category (music first), the active ones only. */
const itemOptions = (items: ConsumableItem[], t: (key: string) => string) =>
  consumableCategories
    .map((c) => ({
      group: t(`inventory.consumableCategories.${c}`),
      items: items.filter((i) => i.active && i.category === c).map((i) => ({ value: String(i.id), label: i.name })),
    }))
    .filter((g) => g.items.length > 0);

/** "40 kg × S/ 12.50 = S/ 500.00" while both are readable; nothing otherwise. */
function PurchaseTotal({ quantity, unitCost, unit }: { quantity: number | string; unitCost: string; unit: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const count = useCount();
  const q = toNumber(quantity);
  const cost = readMoney(unitCost);
  if (q === undefined || !Number.isInteger(q) || q <= 0 || unitCost.trim() === '' || !cost.ok) return null;
  return (
    <Text size="sm" fw={500} data-testid="purchase-total">
      {t('inventory.consumables.purchaseTotal', {
        quantity: `${count(q)} ${unitFor(q, unit)}`.trim(),
        unitCost: money(cost.centimos),
        total: money(q * cost.centimos),
      })}
    </Text>
  );
}

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
  const validate = schemaValidator(ConsumableMove, t);
  const empty = (): MoveValues => ({
    itemId: preset?.itemId ? String(preset.itemId) : null,
    establishmentId: preset?.establishmentId ? String(preset.establishmentId) : null,
    kind: 'ingreso',
    quantity: '',
    date: todayIso(),
    recipient: '',
    notes: '',
    unitCost: '',
  });
  // Reset when it opens or turns to another record, never on a background refetch.
  // Main's refusal: next to its fields when it names them, above the form when it does not.
  const { form, modal, setFormError, saved } = useRecordForm<MoveValues>({
    opened,
    recordKey: preset ? `${preset.itemId}-${preset.establishmentId}` : null,
    validate: (values) => renameErrors(validate(toMove(values)), moveFieldNames),
    values: empty,
    fieldNames: moveFieldNames,
    sentenceWithFields: false,
  });

  const chosenEstablishment = form.values.establishmentId === null ? null : Number(form.values.establishmentId);
  const stock = useApiQuery(
    'consumables.stock',
    { establishmentId: chosenEstablishment, lowOnly: false },
    { enabled: opened && chosenEstablishment !== null },
  );
  const item = (items.data ?? []).find((i) => String(i.id) === form.values.itemId);
  const current = item && chosenEstablishment !== null && stock.data ? (stock.data.find((r) => r.itemId === item.id)?.stock ?? 0) : null;

  const save = (values: MoveValues) => {
    setFormError(null);
    move.mutate(
      toMove(values) as z.input<typeof ConsumableMove>,
      saved(
        (row: StockRow) =>
          `${t('inventory.consumables.saved')} ${t('inventory.consumables.currentStockOf', { item: row.itemName, establishment: row.establishmentName, stock: row.stock, unit: unitFor(row.stock, row.unit) })}`,
        onClose,
      ),
    );
  };

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={t('inventory.consumables.move')}
      size="lg"
      saving={move.isPending}
      saveLabel={t('inventory.consumables.saveMove')}
      gap="sm"
      actionsMt="sm"
    >
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
        data={itemOptions(items.data ?? [], t)}
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
          <TextInput label={t('inventory.consumables.recipient')} description={' '} {...form.getInputProps('recipient')} />
        )}
      </SimpleGrid>
      {form.values.kind === 'ingreso' && (
        <>
          <SolesInput
            label={t('inventory.consumables.unitCost')}
            description={t('inventory.consumables.unitCostHint')}
            {...form.getInputProps('unitCost')}
          />
          <PurchaseTotal quantity={form.values.quantity} unitCost={form.values.unitCost} unit={item?.unit ?? ''} />
        </>
      )}
      <Textarea label={t('inventory.consumables.notes')} autosize minRows={2} maxRows={4} {...form.getInputProps('notes')} />
    </FormModal>
  );
}

/** "Fijar mínimo" for one item at one establishment: below it, the row shows "Bajo el mínimo". */
export function MinimumModal({ row, onClose }: { row: StockRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const setMinimum = useApiMutation('consumables.setMinimum');
  const validate = schemaValidator(ConsumableMinimum, t);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, modal, onError } = useRecordForm<{ minimum: number | string }>({
    opened: row !== null,
    recordKey: row ? `${row.itemId}-${row.establishmentId}` : null,
    initialValues: { minimum: '' },
    validate: (v) => (row ? validate({ itemId: row.itemId, establishmentId: row.establishmentId, minimum: toNumber(v.minimum) }) : {}),
    values: () => ({ minimum: row?.minimum ?? '' }),
    sentenceWithFields: false,
  });

  const save = (v: { minimum: number | string }) => {
    if (!row) return;
    setMinimum.mutate(
      { itemId: row.itemId, establishmentId: row.establishmentId, minimum: Number(v.minimum) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: saved.low ? 'orange' : 'teal', message: t('inventory.consumables.minimumSaved') });
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={t('inventory.consumables.setMinimum')}
      size="sm"
      saving={setMinimum.isPending}
      gap="sm"
      actionsMt="sm"
    >
      {row && (
        <div>
          <Text fw={600}>{row.itemName}</Text>
          <Text size="sm" c="dimmed">
            {row.establishmentName}
          </Text>
          <Text size="sm" mt={4}>
            {t('inventory.consumables.currentStock', { stock: row.stock, unit: unitFor(row.stock, row.unit) })}
          </Text>
        </div>
      )}
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
    </FormModal>
  );
}

interface ItemValues {
  name: string;
  unit: string;
  category: ConsumableCategory | null;
}

/**
 * "Nuevo artículo": a name (unique, without regard to accents or case), the unit it is counted
 * in and its category (the page's category filter, else música: the usual case).
 */
export function ItemFormModal({
  opened,
  onClose,
  category,
}: {
  opened: boolean;
  onClose: () => void;
  category: ConsumableCategory | null;
}) {
  const { t } = useTranslation();
  const create = useApiMutation('consumables.createItem');
  const validate = schemaValidator(ConsumableItemInput, t);
  // Reset only when the dialog opens.
  const { form, modal, saved } = useRecordForm({
    opened,
    validate: (v) => validate(v),
    values: (): ItemValues => ({
      name: '',
      unit: '',
      category: category ?? 'musica',
    }),
    sentenceWithFields: false,
  });

  const save = (v: ItemValues) =>
    create.mutate(
      v as z.input<typeof ConsumableItemInput>,
      saved((item: { name: string }) => t('inventory.consumables.itemCreated', { name: item.name }), onClose),
    );

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={t('inventory.consumables.newItem')}
      size="md"
      saving={create.isPending}
      gap="sm"
      actionsMt="sm"
    >
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
      <Select
        required
        label={t('inventory.consumables.category')}
        description={t('inventory.consumables.categoryHint')}
        data={consumableCategories.map((c) => ({ value: c, label: t(`inventory.consumableCategories.${c}`) }))}
        allowDeselect={false}
        {...form.getInputProps('category')}
      />
      <Text size="sm" c="dimmed">
        {t('inventory.consumables.newItemHint')}
      </Text>
    </FormModal>
  );
}
