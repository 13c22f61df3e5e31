import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stageTransitions, type Stage } from '../../../../shared/programmes/rules';
import type { Enrolment } from '../../../../shared/programmes/schemas';
import { useApiMutation } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';

interface Values {
  stage: string | null;
  date: string | null;
  reason: string;
  part: string;
}

const blank: Values = { stage: null, date: null, reason: '', part: '' };

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
            part: enrolment.part ?? '',
          }
        : blank,
  });
  if (!enrolment) return null;
  const options = [enrolment.stage, ...stageTransitions[enrolment.stage]].map((s) => ({ value: s, label: t(`programmes.stages.${s}`) }));
  const submit = form.onSubmit(({ stage, date, reason, part }) => {
    setFormError(null);
    save.mutate(
      { id: enrolment.id, version: enrolment.version, stage: (stage ?? enrolment.stage) as Stage, date: date ?? '', reason, part },
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
      {enrolment.ensembleId !== null && <TextInput label={t('programmes.enrolments.part')} {...form.getInputProps('part')} />}
    </FormModal>
  );
}
