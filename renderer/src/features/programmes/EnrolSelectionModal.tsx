import { Alert, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';

interface Values {
  workshopId: string | null;
  date: string | null;
}

/**
 * The participants selected on the list, enrolled in one workshop of their establishment in
 * one write (enrolments.create): main refuses the whole selection, naming who, when one is
 * not active, is already enrolled or the workshop has no room, and nothing is written.
 */
export function EnrolSelectionModal({
  participants,
  opened,
  onClose,
  onDone,
}: {
  participants: Participant[];
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const establishments = [...new Set(participants.map((p) => p.establishmentId))];
  const establishmentId = establishments.length === 1 ? establishments[0]! : null;
  const workshops = useApiQuery(
    'workshops.list',
    { establishmentId, status: 'active', sort: 'name', direction: 'asc', page: 1, pageSize: 100 },
    { enabled: opened && establishmentId !== null },
  );
  const enrol = useApiMutation('enrolments.create');
  const { form, setFormError, saved, modal } = useRecordForm<Values>({
    opened,
    recordKey: participants.map((p) => p.id).join(','),
    values: () => ({ workshopId: null, date: todayIso() }),
  });

  const save = (v: Values) => {
    setFormError(null);
    enrol.mutate(
      { workshopId: Number(v.workshopId), participantIds: participants.map((p) => p.id), date: v.date ?? '' },
      saved(
        (r) => t('programmes.enrolments.created', { count: r.created }),
        () => {
          onDone();
          onClose();
        },
      ),
    );
  };

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      size={560}
      title={t('programmes.enrolments.enrolSelectionTitle', { count: participants.length })}
      saving={enrol.isPending}
      saveDisabled={establishmentId === null || form.values.workshopId === null}
      saveLabel={t('programmes.enrolments.enrol')}
      gap="sm"
    >
      <Text size="sm" c="dimmed">
        {participants.map((p) => p.code).join(', ')}
      </Text>
      {establishmentId === null ? (
        <Alert color="orange" variant="light">
          {t('programmes.enrolments.oneEstablishment')}
        </Alert>
      ) : (
        <Group grow align="flex-start">
          <Select
            data-autofocus
            withAsterisk
            searchable
            label={t('programmes.enrolments.workshop')}
            description={t('programmes.enrolments.workshopHint')}
            data={(workshops.data?.rows ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
            {...form.getInputProps('workshopId')}
            error={form.errors.workshopId ?? form.errors.participantIds}
          />
          <DateField label={t('programmes.enrolments.date')} withAsterisk {...form.getInputProps('date')} />
        </Group>
      )}
    </FormModal>
  );
}
