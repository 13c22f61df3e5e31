import { Alert, Badge, Group, ScrollArea, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conditions, custodianTypes, type MovementKind } from '../../../../../shared/inventory/rules';
import { MovementInput, type Instrument } from '../../../../../shared/inventory/schemas';
import { useApiMutation, type ApiCallError } from '../../../api';
import { renameErrors, schemaValidator } from '../../../forms';
import { accentFilter } from '../../../components/accentFilter';
import { DateField, SolesInput, todayIso, useEstablishmentOptions } from '../../../components/fields';
import { FormModal } from '../../../components/FormModal';
import { solesToCentimos } from '../../../components/money';
import { useRecordForm } from '../../../components/useRecordForm';
import { RefusalAlert, type Refusal } from './MovementRefusal';
import { allowedForAll, locationLabel, StatusBadge } from './ui';

type ManualKind = Exclude<MovementKind, 'alta' | 'regularizacion'>;
type Field =
  'toEstablishmentId' | 'documentNumber' | 'person' | 'condition' | 'custodianType' | 'custodianName' | 'provider' | 'cost' | 'description';

interface MoveValues {
  kind: string | null;
  date: string | null;
  toEstablishmentId: string | null;
  documentNumber: string;
  person: string;
  condition: string | null;
  custodianType: string | null;
  custodianName: string;
  provider: string;
  cost: number | string;
  description: string;
}

const emptyValues = (kind: string | null): MoveValues => ({
  kind,
  date: todayIso(),
  toEstablishmentId: null,
  documentNumber: '',
  person: '',
  condition: null,
  custodianType: null,
  custodianName: '',
  provider: '',
  cost: '',
  description: '',
});

const m = 'inventory.movement.';
const conditionLabel = 'inventory.instruments.condition';

/** The fields each movement asks for (beyond its kind and date): [field, label key, required]. */
const layout: Record<ManualKind, Array<[Field, string, boolean]>> = {
  asignacion: [
    ['toEstablishmentId', `${m}toEstablishment`, true],
    ['documentNumber', `${m}documentNumber`, false],
    ['description', `${m}description`, false],
  ],
  despacho: [
    ['toEstablishmentId', `${m}toEstablishment`, true],
    ['documentNumber', `${m}actaNumber`, true],
    ['person', `${m}sentBy`, true],
    ['description', `${m}description`, false],
  ],
  recepcion: [
    ['person', `${m}receivedBy`, true],
    ['condition', `${m}arrivalCondition`, true],
    ['description', `${m}description`, false],
  ],
  entrega: [
    ['custodianType', `${m}custodianType`, true],
    ['custodianName', `${m}custodianName`, true],
    ['description', `${m}description`, false],
  ],
  devolucion: [
    ['condition', conditionLabel, false],
    ['description', `${m}description`, false],
  ],
  envio_reparacion: [
    ['provider', `${m}provider`, true],
    ['description', `${m}description`, true],
  ],
  retorno_reparacion: [
    ['cost', `${m}repairCost`, true],
    ['condition', conditionLabel, true],
    ['documentNumber', `${m}documentNumber`, false],
    ['description', `${m}description`, false],
  ],
  cambio_estado: [
    ['condition', conditionLabel, true],
    ['description', `${m}description`, false],
  ],
  baja: [
    ['documentNumber', `${m}resolutionNumber`, true],
    ['description', `${m}reason`, true],
  ],
  extravio: [
    ['description', `${m}description`, true],
    ['documentNumber', `${m}documentNumber`, false],
  ],
  hallazgo: [
    ['toEstablishmentId', `${m}foundAt`, true],
    ['condition', conditionLabel, false],
    ['description', `${m}description`, false],
  ],
};

const isManualKind = (k: string | null): k is ManualKind => k !== null && k in layout;

/** Exactly the payload the kind's schema takes (the schemas are strict: no extra keys). */
function toMovement(v: MoveValues): unknown {
  const id = v.toEstablishmentId === null ? undefined : Number(v.toEstablishmentId);
  const base = { date: v.date ?? undefined, description: v.description };
  switch (v.kind) {
    case 'asignacion':
      return { kind: v.kind, ...base, toEstablishmentId: id, documentNumber: v.documentNumber };
    case 'despacho':
      return { kind: v.kind, ...base, toEstablishmentId: id, documentNumber: v.documentNumber, person: v.person };
    case 'recepcion':
      return { kind: v.kind, ...base, person: v.person, condition: v.condition ?? undefined };
    case 'entrega':
      return { kind: v.kind, ...base, custodianType: v.custodianType ?? undefined, custodianName: v.custodianName };
    case 'devolucion':
      return { kind: v.kind, ...base, condition: v.condition };
    case 'envio_reparacion':
      return { kind: v.kind, ...base, provider: v.provider };
    case 'retorno_reparacion':
      return {
        kind: v.kind,
        ...base,
        costCentimos: solesToCentimos(v.cost),
        condition: v.condition ?? undefined,
        documentNumber: v.documentNumber,
      };
    case 'cambio_estado':
      return { kind: v.kind, ...base, condition: v.condition ?? undefined };
    case 'baja':
      return { kind: v.kind, ...base, documentNumber: v.documentNumber };
    case 'extravio':
      return { kind: v.kind, ...base, documentNumber: v.documentNumber };
    case 'hallazgo':
      return { kind: v.kind, ...base, toEstablishmentId: id, condition: v.condition };
    default:
      return { kind: undefined };
  }
}

/** main answers validation errors of the movement under "movement.<field>". */
const fromMain = (fields: Record<string, string>) =>
  renameErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^movement\./, ''), v])), { costCentimos: 'cost' });

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
  const allowed = allowedForAll(instruments);
  const validate = schemaValidator(MovementInput, t);
  // Reset only when the dialog opens (the selection's rows are refreshed in the background).
  const { form, formError, setFormError } = useRecordForm<MoveValues>({
    opened,
    initialValues: emptyValues(null),
    validate: (values) => renameErrors(validate(toMovement(values)), { costCentimos: 'cost' }),
    values: () => emptyValues(allowed.length === 1 ? allowed[0]! : null),
    onOpen: () => setRefusal(null),
  });

  const kind = isManualKind(form.values.kind) ? form.values.kind : null;
  const single = instruments.length === 1 ? instruments[0]! : null;

  const submit = form.onSubmit((values) => {
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
            void client.invalidateQueries();
          } else {
            setFormError(err.error.message);
            form.setErrors(fromMain(err.error.fields));
          }
        },
      },
    );
  });

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
        return <Select {...common} data={custodianTypes.map((c) => ({ value: c, label: t(`inventory.custodianTypes.${c}`) }))} />;
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
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      onSubmit={submit}
      error={formError}
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
