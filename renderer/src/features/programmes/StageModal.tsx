import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stageTransitions, type Stage } from '../../../../shared/programmes/rules';
import type { Enrolment } from '../../../../shared/programmes/schemas';
import { useApiMutation } from '../../api';
import { DateField, todayIso, FormActions } from '../../components/fields';
import { useResetOnOpen } from '../../forms';

/** Moves an enrolment to the next stage (activo, completado, retirado), or changes an ensemble member's part. */
export function StageModal({ enrolment, onClose }: { enrolment: Enrolment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(todayIso());
  const [reason, setReason] = useState('');
  const [part, setPart] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useApiMutation('enrolments.setStage');
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(enrolment !== null, enrolment?.id, () => {
    if (!enrolment) return;
    // A workshop enrolment usually moves on; an ensemble member's dialog is as often opened to change the part: keep the stage.
    setStage(enrolment.ensembleId !== null ? enrolment.stage : (stageTransitions[enrolment.stage][0] ?? enrolment.stage));
    setDate(todayIso());
    setReason('');
    setPart(enrolment.part ?? '');
    setErrors({});
  });
  if (!enrolment) return null;
  const options = [enrolment.stage, ...stageTransitions[enrolment.stage]].map((s) => ({ value: s, label: t(`programmes.stages.${s}`) }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('programmes.enrolments.stageTitle', { code: enrolment.participantCode })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <Select
          label={t('programmes.enrolments.stage')}
          data={options}
          value={stage}
          onChange={setStage}
          allowDeselect={false}
          error={errors.stage}
          data-autofocus
        />
        <DateField label={t('programmes.common.date')} value={date} onChange={setDate} error={errors.date} />
        <TextInput
          label={t('programmes.enrolments.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        {enrolment.ensembleId !== null && (
          <TextInput
            label={t('programmes.enrolments.part')}
            value={part}
            onChange={(e) => setPart(e.currentTarget.value)}
            error={errors.part}
          />
        )}
        <FormActions
          onCancel={onClose}
          saving={save.isPending}
          onSave={() =>
            save.mutate(
              { id: enrolment.id, version: enrolment.version, stage: (stage ?? enrolment.stage) as Stage, date: date ?? '', reason, part },
              {
                onSuccess: (e) => {
                  const message =
                    e.stage === enrolment.stage
                      ? t('programmes.enrolments.partSaved', { part: e.part ?? '—' })
                      : t('programmes.enrolments.stageSaved', { stage: t(`programmes.stages.${e.stage}`) });
                  notifications.show({ color: 'teal', message });
                  onClose();
                },
                onError: (err) => {
                  setErrors(err.error.fields);
                  notifications.show({ color: 'red', message: err.message });
                },
              },
            )
          }
        />
      </Stack>
    </Modal>
  );
}
