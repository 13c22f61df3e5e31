import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stageTransitions, type Stage } from '../../../../shared/programmes/rules';
import type { Enrolment } from '../../../../shared/programmes/schemas';
import { useApiMutation } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';
import { KEEP, partInput, partValue, PartSelect, typedOnly } from './parts';

interface Values {
  stage: string | null;
  date: string | null;
  reason: string;
  /** The part from the list ("t:<id>", "v:<voice>"), KEEP (a typed part kept as it is) or null (none). */
  part: string | null;
}

const blank: Values = { stage: null, date: null, reason: '', part: null };

/** Moves an enrolment to the next stage (activo, completado, retirado), or changes an ensemble member's part. */
export function StageModal({ enrolment, onClose }: { enrolment: Enrolment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('enrolments.setStage');
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, formError, setFormError, saved } = useRecordForm<Values>({
    opened: enrolment !== null,
    recordKey: enrolment?.id,
    initialValues: blank,
    values: () =>
      enrolment
        ? {
            // A workshop enrolment usually moves on; an ensemble member's dialog is as often opened to change the part: keep the stage.
            stage: enrolment.ensembleId !== null ? enrolment.stage : (stageTransitions[enrolment.stage][0] ?? enrolment.stage),
            date: todayIso(),
            reason: '',
            part: typedOnly(enrolment) ? KEEP : partValue(enrolment),
          }
        : blank,
  });
  if (!enrolment) return null;
  const options = [enrolment.stage, ...stageTransitions[enrolment.stage]].map((s) => ({ value: s, label: t(`programmes.stages.${s}`) }));
  const member = enrolment.ensembleId !== null;
  const submit = form.onSubmit(({ stage, date, reason, part }) => {
    setFormError(null);
    // The part goes to main only when the clerk changed it (a typed part "sin vincular" stays as it is until then).
    const initial = typedOnly(enrolment) ? KEEP : partValue(enrolment);
    const chosen = member && part !== initial && part !== KEEP ? partInput(part) : {};
    save.mutate(
      { id: enrolment.id, version: enrolment.version, stage: (stage ?? enrolment.stage) as Stage, date: date ?? '', reason, ...chosen },
      saved(
        (e) =>
          e.stage === enrolment.stage
            ? t('programmes.enrolments.partSaved', { part: e.part ?? '—' })
            : t('programmes.enrolments.stageSaved', { stage: t(`programmes.stages.${e.stage}`) }),
        onClose,
      ),
    );
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('programmes.enrolments.stageTitle', { code: enrolment.participantCode })}
      onSubmit={submit}
      error={formError}
      saving={save.isPending}
      gap="sm"
    >
      <Select
        label={t('programmes.enrolments.stage')}
        data={options}
        allowDeselect={false}
        {...form.getInputProps('stage')}
        data-autofocus
      />
      <DateField label={t('programmes.common.date')} {...form.getInputProps('date')} />
      <TextInput label={t('programmes.enrolments.reason')} {...form.getInputProps('reason')} />
      {member && (
        <PartSelect
          keepText={typedOnly(enrolment) ? enrolment.part : null}
          description={typedOnly(enrolment) ? t('programmes.ensembleParts.typedAs', { text: enrolment.part }) : undefined}
          {...form.getInputProps('part')}
          error={form.errors.part ?? form.errors.partTypeId ?? form.errors.partVoice}
        />
      )}
    </FormModal>
  );
}
