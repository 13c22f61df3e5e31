import { Alert, NumberInput, Select, SimpleGrid, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { programmes } from '../../../../shared/programmes/rules';
import { WorkshopCreate, type Workshop } from '../../../../shared/programmes/schemas';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordDialog } from '../../components/useRecordDialog';
import { schemaValidator } from '../../forms';
import { EstablishmentField } from './recordForms';
import { useOptions } from '../../components/ListTools';
import { TeacherMultiSelect } from './TeacherPicker';

interface Values {
  name: string;
  programme: string | null;
  discipline: string;
  establishmentId: string | null;
  teacherIds: string[];
  schedule: string;
  startDate: string | null;
  endDate: string | null;
  capacity: number | string;
  notes: string;
  active: boolean;
}

const empty = (): Values => ({
  name: '',
  programme: null,
  discipline: '',
  establishmentId: null,
  teacherIds: [],
  schedule: '',
  startDate: todayIso(),
  endDate: null,
  capacity: 30,
  notes: '',
  active: true,
});
const fromWorkshop = (w: Workshop): Values => ({
  name: w.name,
  programme: w.programme,
  discipline: w.discipline,
  establishmentId: String(w.establishmentId),
  teacherIds: w.teacherLinks.map((x) => String(x.id)),
  schedule: w.schedule ?? '',
  startDate: w.startDate,
  endDate: w.endDate,
  capacity: w.capacity,
  notes: w.notes ?? '',
  active: w.active,
});
const toInput = (v: Values) => ({
  name: v.name,
  programme: v.programme ?? undefined,
  discipline: v.discipline,
  establishmentId: v.establishmentId === null ? undefined : Number(v.establishmentId),
  teacherIds: v.teacherIds.map(Number),
  schedule: v.schedule,
  startDate: v.startDate ?? undefined,
  endDate: v.endDate,
  capacity: v.capacity === '' ? undefined : Number(v.capacity),
  notes: v.notes,
});

/** Register a workshop or edit one; a refused save keeps what was typed and marks the field. */
export function WorkshopFormModal({
  opened,
  onClose,
  workshop,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  workshop: Workshop | null;
  onSaved?: (w: Workshop) => void;
}) {
  const { t } = useTranslation();
  const programmeOptions = useOptions(programmes, 'programmes.programmes');
  const validate = schemaValidator(WorkshopCreate, t);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, write, modal } = useRecordDialog('workshops', workshop, {
    opened,
    onClose,
    onSaved,
    savedMessage: (w) => t(workshop ? 'programmes.workshops.updated' : 'programmes.workshops.created', { name: w.name }),
    validate: (v) => validate(toInput(v)),
    values: (): Values => (workshop ? fromWorkshop(workshop) : empty()),
  });

  return (
    <FormModal
      {...modal((v) => write(toInput(v) as WorkshopCreate, { active: v.active }))}
      size={760}
      title={t(workshop ? 'programmes.workshops.editTitle' : 'programmes.workshops.newTitle')}
      gap="sm"
    >
      <TextInput label={t('programmes.workshops.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('programmes.workshops.programme')} withAsterisk data={programmeOptions} {...form.getInputProps('programme')} />
        <TextInput
          label={t('programmes.workshops.discipline')}
          withAsterisk
          placeholder={t('programmes.workshops.disciplinePlaceholder')}
          {...form.getInputProps('discipline')}
        />
      </SimpleGrid>
      <EstablishmentField status="active" {...form.getInputProps('establishmentId')} />
      <TeacherMultiSelect
        label={t('programmes.workshopTeachers.pick')}
        description={t('programmes.workshopTeachers.pickHelp')}
        value={form.values.teacherIds}
        onChange={(ids) => form.setFieldValue('teacherIds', ids)}
        error={form.errors.teacherIds}
      />
      {workshop?.teachers && (
        <Alert variant="light" color="gray" p="xs" title={t('programmes.workshopTeachers.typed')} data-testid="typed-teachers">
          <Text size="sm">«{workshop.teachers}»</Text>
          <Text size="xs" c="dimmed">
            {t('programmes.workshopTeachers.typedHelp')}
            {workshop.pendingTeachers > 0 && ` ${t('programmes.workshopTeachers.pending', { count: workshop.pendingTeachers })}`}
          </Text>
        </Alert>
      )}
      <TextInput
        label={t('programmes.workshops.schedule')}
        placeholder={t('programmes.workshops.schedulePlaceholder')}
        {...form.getInputProps('schedule')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField label={t('programmes.workshops.startDate')} withAsterisk {...form.getInputProps('startDate')} />
        <DateField label={t('programmes.workshops.endDate')} clearable {...form.getInputProps('endDate')} />
        <NumberInput
          label={t('programmes.workshops.capacity')}
          withAsterisk
          min={1}
          max={500}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
      </SimpleGrid>
      <Textarea label={t('programmes.common.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
      {workshop && <Switch label={t('programmes.workshops.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />}
    </FormModal>
  );
}
