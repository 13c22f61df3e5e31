import { NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sexes } from '../../../../shared/programmes/rules';
import { ParticipantCreate, ParticipantUpdate, type Participant } from '../../../../shared/programmes/schemas';
import { useApiMutation } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { schemaValidator } from '../../forms';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';
import { EstablishmentField } from './recordForms';
import { useOptions } from '../../components/ListTools';

interface Values {
  code: string;
  firstNames: string;
  lastNames: string;
  sex: string | null;
  birthYear: number | string;
  establishmentId: string | null;
  date: string | null;
}

const empty = (): Values => ({
  code: '',
  firstNames: '',
  lastNames: '',
  sex: null,
  birthYear: '',
  establishmentId: null,
  date: todayIso(),
});
const toInput = (v: Values) => ({
  code: v.code,
  firstNames: v.firstNames,
  lastNames: v.lastNames,
  sex: v.sex ?? undefined,
  birthYear: v.birthYear === '' ? undefined : Number(v.birthYear),
  establishmentId: v.establishmentId === null ? undefined : Number(v.establishmentId),
  date: v.date ?? undefined,
});

/** Only what the programme needs about a person deprived of liberty; the establishment changes only by a custody change. */
export function ParticipantFormModal({
  opened,
  onClose,
  participant,
}: {
  opened: boolean;
  onClose: () => void;
  participant: Participant | null;
}) {
  const { t } = useTranslation();
  const sexOptions = useOptions(sexes, 'programmes.sexes');
  const create = useApiMutation('participants.create');
  const update = useApiMutation('participants.update');
  const validateCreate = schemaValidator(ParticipantCreate, t);
  const validateUpdate = schemaValidator(ParticipantUpdate, t);
  // Reset when it opens or turns to another participant, never on a background refetch.
  const { form, saved, modal } = useRecordForm<Values>({
    opened,
    recordKey: participant?.id ?? null,
    validate: (v) => {
      if (!participant) return validateCreate(toInput(v));
      const { establishmentId: _e, date: _d, ...rest } = toInput(v);
      return validateUpdate({ ...rest, id: participant.id, version: participant.version });
    },
    values: () =>
      participant
        ? {
            code: participant.code,
            firstNames: participant.firstNames ?? '',
            lastNames: participant.lastNames ?? '',
            sex: participant.sex,
            birthYear: participant.birthYear,
            establishmentId: String(participant.establishmentId),
            date: null,
          }
        : empty(),
  });
  const save = (v: Values) => {
    const done = saved(
      (p: Participant) => t(participant ? 'programmes.participants.updated' : 'programmes.participants.created', { code: p.code }),
      onClose,
    );
    const input = toInput(v);
    if (participant) {
      update.mutate(
        {
          id: participant.id,
          version: participant.version,
          code: input.code,
          firstNames: input.firstNames,
          lastNames: input.lastNames,
          sex: input.sex as Participant['sex'],
          birthYear: input.birthYear as number,
        },
        done,
      );
    } else create.mutate(input as Parameters<typeof create.mutate>[0], done);
  };
  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      size={620}
      title={t(participant ? 'programmes.participants.editTitle' : 'programmes.participants.newTitle')}
      saving={create.isPending || update.isPending}
      gap="sm"
      header={
        <>
          <Text size="xs" c="dimmed">
            {t('programmes.participants.privacy')}
          </Text>
        </>
      }
    >
      <TextInput label={t('programmes.participants.code')} withAsterisk data-autofocus {...form.getInputProps('code')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('programmes.participants.lastNames')} withAsterisk {...form.getInputProps('lastNames')} />
        <TextInput label={t('programmes.participants.firstNames')} withAsterisk {...form.getInputProps('firstNames')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('programmes.participants.sex')} withAsterisk data={sexOptions} {...form.getInputProps('sex')} />
        <NumberInput
          label={t('programmes.participants.birthYear')}
          withAsterisk
          allowDecimal={false}
          thousandSeparator={false}
          min={1920}
          {...form.getInputProps('birthYear')}
        />
      </SimpleGrid>
      {!participant && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <EstablishmentField status="active" {...form.getInputProps('establishmentId')} />
          <DateField label={t('programmes.participants.registeredOn')} withAsterisk {...form.getInputProps('date')} />
        </SimpleGrid>
      )}
    </FormModal>
  );
}
