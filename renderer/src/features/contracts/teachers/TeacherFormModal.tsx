import { Checkbox, Divider, MultiSelect, NumberInput, Select, SimpleGrid, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { disciplines, sexes } from '../../../../../shared/contracts/rules';
import {
  TeacherCreate,
  TeacherUpdate,
  type Teacher,
  type TeacherCreate as TeacherCreateInput,
} from '../../../../../shared/contracts/schemas';
import { useApiQuery } from '../../../api';
import { DateField } from '../../../components/fields';
import { schemaValidator } from '../../../forms';
import { FormModal } from '../../../components/FormModal';
import { useRecordDialog } from '../../../components/useRecordDialog';
import { useCan } from '../../../components/session';
import { FormRows } from '../ui';

interface FormValues {
  dni: string;
  ruc: string;
  firstNames: string;
  lastNames: string;
  sex: string | null;
  phone: string;
  email: string;
  address: string;
  disciplines: string[];
  specialties: string[];
  suspensions: Array<{ fiscalYear: number | string; operationNumber: string; filedOn: string | null }>;
  notes: string;
  active: boolean;
}

const empty = (): FormValues => ({
  dni: '',
  ruc: '',
  firstNames: '',
  lastNames: '',
  sex: null,
  phone: '',
  email: '',
  address: '',
  disciplines: [],
  specialties: [],
  suspensions: [],
  notes: '',
  active: true,
});

const fromTeacher = (t: Teacher): FormValues => ({
  dni: t.dni,
  ruc: t.ruc ?? '',
  firstNames: t.firstNames,
  lastNames: t.lastNames,
  sex: t.sex,
  phone: t.phone ?? '',
  email: t.email ?? '',
  address: t.address ?? '',
  disciplines: t.disciplines,
  specialties: t.specialties,
  suspensions: t.suspensions.map((s) => ({ ...s })),
  notes: t.notes ?? '',
  active: t.active,
});

const toInput = (v: FormValues) => ({
  dni: v.dni,
  ruc: v.ruc,
  firstNames: v.firstNames,
  lastNames: v.lastNames,
  sex: v.sex ?? undefined,
  phone: v.phone,
  email: v.email,
  address: v.address,
  disciplines: v.disciplines,
  specialties: v.specialties,
  suspensions: v.suspensions.map((s) => ({
    fiscalYear: s.fiscalYear === '' ? undefined : Number(s.fiscalYear),
    operationNumber: s.operationNumber,
    filedOn: s.filedOn ?? undefined,
  })),
  notes: v.notes,
});

/**
 * Register or edit a teacher: identity (DNI, RUC checked as SUNAT does), disciplines and
 * specialties (instrument names are suggested from the inventory's types), contact, and the
 * certificates that suspend the 8% withholding. A refused save keeps everything typed.
 */
export function TeacherFormModal({ opened, onClose, teacher }: { opened: boolean; onClose: () => void; teacher: Teacher | null }) {
  const { t } = useTranslation();
  const types = useApiQuery('instrumentTypes.list', {}, { enabled: useCan('instrumentTypes.list') });
  const validateCreate = schemaValidator(TeacherCreate, t);
  const validateUpdate = schemaValidator(TeacherUpdate, t);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, modal, write } = useRecordDialog('teachers', teacher, {
    opened,
    onClose,
    savedMessage: (saved) => t(teacher ? 'contracts.teachers.updated' : 'contracts.teachers.created', { name: saved.fullName }),
    validate: (v: FormValues) =>
      teacher ? validateUpdate({ ...toInput(v), id: teacher.id, version: teacher.version, active: v.active }) : validateCreate(toInput(v)),
    values: () => (teacher ? fromTeacher(teacher) : empty()),
  });

  const instrumentNames = [...new Set((types.data ?? []).filter((x) => x.family !== 'audio_accesorios').map((x) => x.name))];

  return (
    <FormModal
      {...modal((v) => write(toInput(v) as TeacherCreateInput, { active: v.active }))}
      title={teacher ? t('contracts.teachers.editTitle') : t('contracts.teachers.newTitle')}
      size={860}
      gap="sm"
      actionsMt="sm"
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          data-autofocus
          required
          label={t('contracts.teachers.dni')}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps('dni')}
        />
        <TextInput
          label={t('contracts.teachers.ruc')}
          description={t('contracts.teachers.rucHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps('ruc')}
        />
        <Select
          required
          label={t('contracts.teachers.sex')}
          data={sexes.map((s) => ({ value: s, label: t(`contracts.sexes.${s}`) }))}
          {...form.getInputProps('sex')}
        />
        <TextInput required label={t('contracts.teachers.lastNames')} {...form.getInputProps('lastNames')} />
        <TextInput required label={t('contracts.teachers.firstNames')} {...form.getInputProps('firstNames')} />
        <TextInput label={t('contracts.teachers.phone')} {...form.getInputProps('phone')} />
        <TextInput label={t('contracts.teachers.email')} {...form.getInputProps('email')} />
        <TextInput style={{ gridColumn: 'span 2' }} label={t('contracts.teachers.address')} {...form.getInputProps('address')} />
        <MultiSelect
          required
          label={t('contracts.teachers.disciplines')}
          placeholder={form.values.disciplines.length ? undefined : t('contracts.teachers.disciplinesPlaceholder')}
          data={disciplines.map((d) => ({ value: d, label: t(`contracts.disciplines.${d}`) }))}
          {...form.getInputProps('disciplines')}
        />
        <TagsInput
          style={{ gridColumn: 'span 2' }}
          label={t('contracts.teachers.specialties')}
          description={t('contracts.teachers.specialtiesHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data={instrumentNames}
          maxTags={20}
          clearable
          {...form.getInputProps('specialties')}
        />
      </SimpleGrid>

      <Divider label={t('contracts.teachers.suspensions')} labelPosition="left" mt="xs" />
      <Text size="xs" c="dimmed" mt={-6}>
        {t('contracts.teachers.suspensionsHint')}
      </Text>
      <FormRows
        form={form}
        path="suspensions"
        rows={form.values.suspensions}
        blank={() => ({ fiscalYear: new Date().getFullYear(), operationNumber: '', filedOn: null })}
        removeLabel={t('contracts.teachers.removeSuspension')}
        addLabel={t('contracts.teachers.addSuspension')}
      >
        {(_, i) => (
          <>
            <NumberInput
              required
              w={110}
              label={t('contracts.teachers.fiscalYear')}
              min={2000}
              max={2100}
              allowDecimal={false}
              hideControls
              {...form.getInputProps(`suspensions.${i}.fiscalYear`)}
            />
            <TextInput
              required
              style={{ flex: 1 }}
              label={t('contracts.teachers.operationNumber')}
              {...form.getInputProps(`suspensions.${i}.operationNumber`)}
            />
            <DateField
              required
              style={{ flex: 1 }}
              label={t('contracts.teachers.filedOn')}
              {...form.getInputProps(`suspensions.${i}.filedOn`)}
            />
          </>
        )}
      </FormRows>

      <Textarea label={t('contracts.teachers.notes')} autosize minRows={1} maxRows={4} {...form.getInputProps('notes')} />
      {teacher && (
        <Checkbox
          label={t('contracts.teachers.active')}
          description={t('contracts.teachers.activeHint')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
      )}
    </FormModal>
  );
}
