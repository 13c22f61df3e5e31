import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sexes } from '../../../../shared/programmes/rules';
import { ParticipantCreate, ParticipantUpdate, type Participant } from '../../../../shared/programmes/schemas';
import { useApiMutation, type ApiCallError } from '../../api';
import { DateField, todayIso, useEstablishmentOptions } from '../../components/fields';
import { schemaValidator } from '../../forms';
import { accentFilter } from '../instruments/ui';
import { useOptions } from './ui';

interface Values {
  code: string;
  firstNames: string;
  lastNames: string;
  sex: string | null;
  birthYear: number | string;
  establishmentId: string | null;
  date: string | null;
}

const empty = (): Values => ({ code: '', firstNames: '', lastNames: '', sex: null, birthYear: '', establishmentId: null, date: todayIso() });
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
export function ParticipantFormModal({ opened, onClose, participant }: { opened: boolean; onClose: () => void; participant: Participant | null }) {
  const { t } = useTranslation();
  const establishments = useEstablishmentOptions('active');
  const sexOptions = useOptions(sexes, 'programmes.sexes');
  const create = useApiMutation('participants.create');
  const update = useApiMutation('participants.update');
  const [formError, setFormError] = useState<string | null>(null);
  const validateCreate = schemaValidator(ParticipantCreate, t);
  const validateUpdate = schemaValidator(ParticipantUpdate, t);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: empty(),
    validate: (v) => {
      if (!participant) return validateCreate(toInput(v));
      const { establishmentId: _e, date: _d, ...rest } = toInput(v);
      return validateUpdate({ ...rest, id: participant.id, version: participant.version });
    },
  });
  useEffect(() => {
    if (!opened) return;
    setFormError(null);
    form.setErrors({});
    form.setValues(
      participant
        ? { code: participant.code, firstNames: participant.firstNames ?? '', lastNames: participant.lastNames ?? '', sex: participant.sex, birthYear: participant.birthYear, establishmentId: String(participant.establishmentId), date: null }
        : empty(),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the dialog opens
  }, [opened, participant]);
  const onError = (err: ApiCallError) => {
    setFormError(err.error.message);
    form.setErrors(err.error.fields);
  };
  const save = (v: Values) => {
    const done = (p: Participant) => {
      notifications.show({ color: 'teal', message: t(participant ? 'programmes.participants.updated' : 'programmes.participants.created', { code: p.code }) });
      onClose();
    };
    const input = toInput(v);
    if (participant) {
      update.mutate(
        { id: participant.id, version: participant.version, code: input.code, firstNames: input.firstNames, lastNames: input.lastNames, sex: input.sex as Participant['sex'], birthYear: input.birthYear as number },
        { onSuccess: done, onError },
      );
    } else create.mutate(input as Parameters<typeof create.mutate>[0], { onSuccess: done, onError });
  };
  return (
    <Modal opened={opened} onClose={onClose} size={620} title={t(participant ? 'programmes.participants.editTitle' : 'programmes.participants.newTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={form.onSubmit(save)} noValidate>
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t('programmes.participants.privacy')}
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label={t('programmes.participants.code')} withAsterisk data-autofocus {...form.getInputProps('code')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('programmes.participants.lastNames')} withAsterisk {...form.getInputProps('lastNames')} />
            <TextInput label={t('programmes.participants.firstNames')} withAsterisk {...form.getInputProps('firstNames')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('programmes.participants.sex')} withAsterisk data={sexOptions} {...form.getInputProps('sex')} />
            <NumberInput label={t('programmes.participants.birthYear')} withAsterisk allowDecimal={false} thousandSeparator={false} min={1920} {...form.getInputProps('birthYear')} />
          </SimpleGrid>
          {!participant && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('programmes.common.establishment')} withAsterisk searchable filter={accentFilter} data={establishments} {...form.getInputProps('establishmentId')} />
              <DateField label={t('programmes.participants.registeredOn')} withAsterisk {...form.getInputProps('date')} />
            </SimpleGrid>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
