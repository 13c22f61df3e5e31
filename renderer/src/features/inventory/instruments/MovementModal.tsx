import { Alert, Badge, Group, ScrollArea, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, isIsoDay } from '../../../../../shared/format';
import { conditions, custodianTypes, type CustodianType } from '../../../../../shared/inventory/rules';
import { MovementInput, type Instrument } from '../../../../../shared/inventory/schemas';
import { CENTRE_MOVEMENTS } from '../../../../../shared/sites/site-writes';
import { invalidateAfter, useApiMutation, useApiQuery, type ApiCallError } from '../../../api';
import { renameErrors, schemaValidator } from '../../../forms';
import { emptyValues, fromMain, isManualKind, layout, toMovement, type Field, type MoveValues } from './movementFields';
import { accentFilter } from '../../../components/accentFilter';
import { DateField, SolesInput, useEstablishmentOptions } from '../../../components/fields';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { useUser } from '../../../components/session';
import { CustodianPicker } from '../custody/CustodianPicker';
import { RefusalAlert, type Refusal } from './MovementRefusal';
import { allowedForAll, locationLabel, StatusBadge } from './ui';

/**
 * Record one movement for one instrument or a whole selection. Only the movements that
 * every selected instrument allows are offered, and only the fields that movement needs
 * are asked. If main refuses (the state changed meanwhile), nothing was recorded: the
 * refused instruments are listed with their reasons, and can be taken out of the selection.
 */
export function MovementModal({
  opened,
  onClose,
  instruments,
  onDone,
  onRemove,
}: {
  opened: boolean;
  onClose: () => void;
  instruments: Instrument[];
  onDone?: () => void;
  onRemove?: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const establishments = useEstablishmentOptions('active');
  const move = useApiMutation('instruments.move');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // At a prison site, the central office's movements (assignments, dispatches, write-offs) are not offered (issue 20).
  const atSite = useUser()?.atSite ?? false;
  const allowed = allowedForAll(instruments).filter((k) => !(atSite && CENTRE_MOVEMENTS.has(k)));
  const validate = schemaValidator(MovementInput, t);
  // Reset only when the dialog opens (the selection's rows are refreshed in the background).
  const { form, modal, setFormError } = useRecordForm<MoveValues>({
    opened,
    initialValues: emptyValues(null),
    validate: (values) => renameErrors(validate(toMovement(values)), { costCentimos: 'cost' }),
    values: () => emptyValues(allowed.length === 1 ? allowed[0]! : null),
    onOpen: () => setRefusal(null),
  });

  const kind = isManualKind(form.values.kind) ? form.values.kind : null;
  const single = instruments.length === 1 ? instruments[0]! : null;

  // A hand-over goes to someone of the instruments' one establishment (main refuses a mix).
  const places = [...new Set(instruments.map((i) => i.establishmentId))];
  const placeId = places.length === 1 ? (places[0] ?? null) : null;
  const placeName = placeId === null ? null : (instruments[0]?.establishmentName ?? null);
  const handingOver = kind === 'entrega';
  const place = useApiQuery('establishments.get', { id: placeId ?? 0 }, { enabled: opened && handingOver && placeId !== null });
  const loanDays = place.data?.loanDays ?? null;
  const { date, dueDate, dueTyped } = form.values;
  // The expected return the establishment's loan period proposes, until the clerk types one.
  const proposedDue = handingOver && loanDays !== null && isIsoDay(date) ? addDays(date, loanDays) : null;
  useEffect(() => {
    if (opened && proposedDue !== null && !dueTyped && dueDate !== proposedDue) form.setFieldValue('dueDate', proposedDue);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `form` is a new object on every render; the proposal follows the date and the period only
  }, [opened, proposedDue, dueDate, dueTyped]);

  const save = (values: MoveValues) => {
    setFormError(null);
    setRefusal(null);
    move.mutate(
      { instrumentIds: instruments.map((i) => i.id), movement: toMovement(values) as MovementInput },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', message: t('inventory.movement.saved', { count: result.count }) });
          onDone?.();
          onClose();
        },
        onError: (err: ApiCallError) => {
          if (err.error.code === 'conflict') {
            setRefusal({
              message: err.error.message,
              items: Object.entries(err.error.fields).map(([code, reason]) => ({ code, reason })),
            });
            // What was refused may have changed since the list was read: show it as it is now.
            void invalidateAfter(client, 'instruments.move');
          } else {
            setFormError(err.error.message);
            form.setErrors(fromMain(err.error.fields));
          }
        },
      },
    );
  };

  const destinations =
    single && form.values.kind === 'despacho' ? establishments.filter((e) => e.value !== String(single.establishmentId)) : establishments;

  const input = (field: Field, label: string, required: boolean) => {
    const common = { label: t(label), required, ...form.getInputProps(field) };
    switch (field) {
      case 'toEstablishmentId':
        return <Select {...common} data={destinations} searchable filter={accentFilter} selectFirstOptionOnChange />;
      case 'condition':
        return (
          <Select
            {...common}
            data={conditions.map((c) => ({ value: c, label: t(`inventory.conditions.${c}`) }))}
            clearable={!required}
            placeholder={required ? undefined : t('inventory.movement.keepCondition')}
          />
        );
      case 'custodianType':
        return (
          <Select
            {...common}
            data={custodianTypes.map((c) => ({ value: c, label: t(`inventory.custodianTypes.${c}`) }))}
            onChange={(v) => {
              form.setFieldValue('custodianType', v);
              form.setFieldValue('custodianId', null);
            }}
          />
        );
      case 'custodianId':
        return (
          <CustodianPicker
            {...common}
            establishmentId={placeId}
            type={form.values.custodianType as CustodianType | null}
            value={form.values.custodianId}
            onChange={(v) => form.setFieldValue('custodianId', v)}
            error={places.length > 1 ? t('inventory.custody.errors.mixedEstablishments') : common.error}
            description={
              placeName
                ? t('inventory.custody.picker.onlyHere', { establishment: placeName })
                : places.length === 1
                  ? t('inventory.custody.picker.noEstablishment')
                  : undefined
            }
          />
        );
      case 'dueDate':
        return (
          <DateField
            {...common}
            clearable
            minDate={isIsoDay(date) ? date : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            onChange={(v) => {
              form.setFieldValue('dueTyped', true);
              form.setFieldValue('dueDate', v);
            }}
            description={
              proposedDue !== null && !dueTyped && dueDate === proposedDue
                ? t('inventory.custody.form.dueProposed', { count: loanDays ?? 0 })
                : undefined
            }
          />
        );
      case 'cost':
        return <SolesInput {...common} />;
      case 'description':
        return null; // full width, below
      default:
        return <TextInput {...common} autoComplete="off" />;
    }
  };

  const fields = kind ? layout[kind] : [];
  const description = fields.find(([f]) => f === 'description');
  const title = single ? t('inventory.movement.title') : t('inventory.movement.titleBatch', { count: instruments.length });

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={title}
      size="lg"
      errorIcon={<IconAlertTriangle />}
      saving={move.isPending}
      saveLabel={t('inventory.movement.save')}
      // Nothing to record: "Cancelar" alone.
      readOnly={allowed.length === 0}
      gap="sm"
      actionsMt="sm"
      header={
        <>
          {single ? (
            <Group gap="xs" wrap="wrap" data-testid="movement-target">
              <Text fw={600}>{single.code}</Text>
              <Text c="dimmed" size="sm">
                {[single.typeName, single.brand, single.model].filter(Boolean).join(' · ')}
              </Text>
              <StatusBadge status={single.status} size="sm" />
              <Text size="sm">{locationLabel(single, t)}</Text>
            </Group>
          ) : (
            <ScrollArea.Autosize mah={84} type="auto" data-testid="movement-target">
              <Group gap={4}>
                {instruments.map((i) => (
                  <Badge key={i.id} variant="default" tt="none" radius="sm">
                    {i.code}
                  </Badge>
                ))}
              </Group>
            </ScrollArea.Autosize>
          )}
          {refusal && <RefusalAlert refusal={refusal} instruments={instruments} onRemove={onRemove} onRemoved={() => setRefusal(null)} />}
        </>
      }
    >
      {allowed.length === 0 ? (
        <Alert color="yellow" icon={<IconAlertTriangle />} data-testid="movement-none">
          {t('inventory.movement.noneAllowed')}
        </Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              data-autofocus
              required
              label={t('inventory.movement.kind')}
              placeholder={t('inventory.movement.kindPlaceholder')}
              data={allowed.map((k) => ({ value: k, label: t(`inventory.kinds.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
              onChange={(v) => {
                form.setFieldValue('kind', v);
                form.clearErrors();
              }}
            />
            <DateField required label={t('inventory.movement.date')} {...form.getInputProps('date')} />
            {fields.map(([f, label, required]) => (
              <Fragment key={f}>{input(f, label, required)}</Fragment>
            ))}
          </SimpleGrid>
          {description && (
            <Textarea
              label={t(description[1])}
              required={description[2]}
              autosize
              minRows={2}
              maxRows={5}
              {...form.getInputProps('description')}
            />
          )}
        </>
      )}
    </FormModal>
  );
}
