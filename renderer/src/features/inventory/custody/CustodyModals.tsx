import { Select, SimpleGrid, Text, TextInput, Textarea, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecoveryFollow, type Recovery } from '../../../../../shared/inventory/custody-schemas';
import { conditions, type Condition } from '../../../../../shared/inventory/rules';
import { MovementInput } from '../../../../../shared/inventory/schemas';
import { useApiMutation, type ApiCallError } from '../../../api';
import { DateField, todayIso } from '../../../components/fields';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm, type RecordForm } from '../../../components/useRecordForm';
import { schemaValidator } from '../../../forms';

/* The small dialogs of linked custody: the return, the loss and the transfer with the participant. */

/** The instrument a dialog acts on: its id, its code and, when held, by whom (as the viewer may read it). */
export interface CustodyTarget {
  instrumentId: number;
  code: string;
  custodian?: string | null;
}

const withoutPrefix = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^movement\./, ''), v]));

/**
 * A refusal of instruments.move for one instrument: a state that changed meanwhile comes as a
 * conflict naming the instrument (its reason is the sentence); a field's message goes beside it.
 */
function refusedMove(rf: Pick<RecordForm<object>, 'setFormError' | 'onError'>) {
  return (err: ApiCallError) => {
    if (err.error.code === 'conflict') {
      const reasons = Object.values(err.error.fields);
      rf.setFormError(reasons.length > 0 ? reasons.join(' ') : err.error.message);
    } else {
      rf.onError({ ...err, error: { ...err.error, fields: withoutPrefix(err.error.fields) } } as ApiCallError);
    }
  };
}

/** "Estado de conservación" on a movement: empty keeps the instrument's. */
function ConditionField(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const data = conditions.map((c) => ({ value: c, label: t(`inventory.conditions.${c}`) }));
  return (
    <Select
      label={t('inventory.instruments.condition')}
      placeholder={t('inventory.movement.keepCondition')}
      data={data}
      clearable
      {...props}
    />
  );
}

interface ReturnValues {
  date: string | null;
  condition: string | null;
}

const toReturn = (v: ReturnValues) => ({
  kind: 'devolucion' as const,
  date: v.date ?? undefined,
  condition: (v.condition as Condition | null) ?? null,
});

/**
 * One movement of the ledger for the instrument `target` (a return, a loss), as a dialog's form:
 * the values it opens with, how they become the movement, and the notice once it is recorded.
 */
function useMoveForm<V extends object>(
  target: CustodyTarget | null,
  onClose: () => void,
  opts: { values: () => V; toMovement: (v: V) => object; done: (code: string) => string },
) {
  const { t } = useTranslation();
  const move = useApiMutation('instruments.move');
  const validate = schemaValidator(MovementInput, t);
  const rf = useRecordForm<V>({
    opened: target !== null,
    recordKey: target?.instrumentId,
    values: opts.values,
    validate: (v) => validate(opts.toMovement(v)),
  });
  const save = (v: V) => {
    if (!target) return;
    rf.setFormError(null);
    move.mutate(
      { instrumentIds: [target.instrumentId], movement: opts.toMovement(v) as MovementInput },
      { ...rf.saved(opts.done(target.code), onClose), onError: refusedMove(rf) },
    );
  };
  return { form: rf.form, modal: { ...rf.modal(save), onClose, saving: move.isPending, size: 'md', gap: 'sm' } as const };
}

/** "Registrar devolución": the custodian gives the instrument back (a devolución of the ledger), on a date, with its condition if it changed. */
export function ReturnModal({ target, onClose }: { target: CustodyTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, modal } = useMoveForm<ReturnValues>(target, onClose, {
    values: () => ({ date: todayIso(), condition: null }),
    toMovement: toReturn,
    done: (code) => t('inventory.custody.returned', { code }),
  });
  return (
    <FormModal
      {...modal}
      title={t('inventory.custody.returnTitle', { code: target?.code ?? '' })}
      saveLabel={t('inventory.custody.returnAction')}
      header={
        target?.custodian ? (
          <Text size="sm" c="dimmed">
            {t('inventory.custody.returnHeld', { custodian: target.custodian })}
          </Text>
        ) : undefined
      }
    >
      <SimpleGrid cols={2}>
        <DateField data-autofocus required label={t('inventory.movement.date')} {...form.getInputProps('date')} />
        <ConditionField {...form.getInputProps('condition')} />
      </SimpleGrid>
    </FormModal>
  );
}

interface LossValues {
  date: string | null;
  description: string;
  documentNumber: string;
}

const toLoss = (v: LossValues) => ({
  kind: 'extravio' as const,
  date: v.date ?? undefined,
  description: v.description,
  documentNumber: v.documentNumber,
});

/** "Registrar extravío": the instrument was not recovered; what happened (required) and the acta's number. */
export function LossModal({ target, onClose }: { target: CustodyTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, modal } = useMoveForm<LossValues>(target, onClose, {
    values: () => ({ date: todayIso(), description: '', documentNumber: '' }),
    toMovement: toLoss,
    done: (code) => t('inventory.custody.lost', { code }),
  });
  return (
    <FormModal
      {...modal}
      title={t('inventory.custody.lossTitle', { code: target?.code ?? '' })}
      saveLabel={t('inventory.custody.lossAction')}
      saveColor="orange"
    >
      <SimpleGrid cols={2}>
        <DateField data-autofocus required label={t('inventory.movement.date')} {...form.getInputProps('date')} />
        <TextInput label={t('inventory.movement.actaNumber')} autoComplete="off" {...form.getInputProps('documentNumber')} />
      </SimpleGrid>
      <Textarea
        label={t('inventory.movement.description')}
        required
        autosize
        minRows={2}
        maxRows={5}
        {...form.getInputProps('description')}
      />
    </FormModal>
  );
}

interface FollowValues {
  date: string | null;
  documentNumber: string;
  person: string;
  condition: string | null;
}

/**
 * "Trasladar con el participante": the instrument goes with the transferred participant (main
 * records its return and its dispatch to the participant's new establishment, with the acta).
 */
export function FollowModal({ item, onClose }: { item: Recovery | null; onClose: () => void }) {
  const { t } = useTranslation();
  const follow = useApiMutation('custody.follow');
  const validate = schemaValidator(RecoveryFollow, t);
  const toInput = (v: FollowValues) => ({
    id: item?.id ?? 0,
    date: v.date ?? undefined,
    documentNumber: v.documentNumber,
    person: v.person,
    condition: (v.condition as Condition | null) ?? null,
  });
  const rf = useRecordForm<FollowValues>({
    opened: item !== null,
    recordKey: item?.id,
    values: () => ({ date: todayIso(), documentNumber: '', person: '', condition: null }),
    validate: (v) => validate(toInput(v)),
  });
  const { form } = rf;
  const establishment = item?.participantEstablishmentName ?? '';
  const save = (v: FollowValues) => {
    if (!item) return;
    rf.setFormError(null);
    follow.mutate(toInput(v) as RecoveryFollow, rf.saved(t('inventory.custody.followed', { code: item.code, establishment }), onClose));
  };
  return (
    <FormModal
      {...rf.modal(save)}
      onClose={onClose}
      title={t('inventory.custody.followTitle', { code: item?.code ?? '' })}
      size="md"
      saving={follow.isPending}
      saveLabel={t('inventory.custody.followAction')}
      gap="sm"
      header={
        <Text size="sm" c="dimmed">
          {t('inventory.custody.followText', { establishment })}
        </Text>
      }
    >
      <SimpleGrid cols={2}>
        <DateField data-autofocus required label={t('inventory.movement.date')} {...form.getInputProps('date')} />
        <TextInput label={t('inventory.movement.actaNumber')} required autoComplete="off" {...form.getInputProps('documentNumber')} />
        <TextInput label={t('inventory.movement.sentBy')} required autoComplete="off" {...form.getInputProps('person')} />
        <ConditionField {...form.getInputProps('condition')} />
      </SimpleGrid>
    </FormModal>
  );
}
