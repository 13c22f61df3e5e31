import { Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StaffInput, type StaffMember } from '../../../../shared/establishments/schemas';
import { accentFilter } from '../../components/accentFilter';
import { useEstablishmentOptions } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordDialog } from '../../components/useRecordDialog';
import { schemaValidator } from '../../forms';

interface StaffValues {
  establishmentId: string | null;
  fullName: string;
  role: string;
  active: boolean;
}

const blank: StaffValues = { establishmentId: null, fullName: '', role: '', active: true };

const toInput = (v: StaffValues) => ({
  establishmentId: v.establishmentId === null ? undefined : Number(v.establishmentId),
  fullName: v.fullName,
  role: v.role,
});

/**
 * Add or edit one member of an establishment's INPE staff (who may hold instruments): the
 * establishment, the full name, the position and, when editing, whether they are active. The
 * shared schema checks as the clerk types; a refusal from main keeps everything typed.
 */
export function StaffFormModal({
  opened,
  onClose,
  member,
  establishmentId,
}: {
  opened: boolean;
  onClose: () => void;
  member: StaffMember | null;
  /** A new member's establishment, when the list is filtered by one. */
  establishmentId: string | null;
}) {
  const { t } = useTranslation();
  const active = useEstablishmentOptions('active');
  const all = useEstablishmentOptions('all');
  const validate = schemaValidator(StaffInput, t);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, write, modal } = useRecordDialog('staff', member, {
    opened,
    onClose,
    savedMessage: (s) => t(member ? 'establishments.staff.updated' : 'establishments.staff.created', { name: s.fullName }),
    initialValues: blank,
    validate: (values) => validate(toInput(values)),
    values: (): StaffValues =>
      member
        ? { establishmentId: String(member.establishmentId), fullName: member.fullName, role: member.role, active: member.active }
        : { ...blank, establishmentId },
  });

  // The active establishments, and the one a member already belongs to even if it is no longer active.
  const current = member ? String(member.establishmentId) : null;
  const options = current && !active.some((o) => o.value === current) ? [...active, ...all.filter((o) => o.value === current)] : active;

  // A new member with no establishment chosen yet starts there; otherwise at the name.
  const pickFirst = !member && establishmentId === null;

  const save = (values: StaffValues) => write(toInput(values) as StaffInput, { active: values.active });

  return (
    <FormModal
      {...modal(save)}
      title={t(member ? 'establishments.staff.editTitle' : 'establishments.staff.newTitle')}
      size={560}
      gap="sm"
      actionsMt="xs"
    >
      <Select
        data-autofocus={pickFirst || undefined}
        required
        label={t('establishments.staff.establishment')}
        data={options}
        searchable
        filter={accentFilter}
        {...form.getInputProps('establishmentId')}
      />
      <TextInput
        data-autofocus={!pickFirst || undefined}
        required
        label={t('establishments.staff.fullName')}
        {...form.getInputProps('fullName')}
      />
      <TextInput
        required
        label={t('establishments.staff.role')}
        placeholder={t('establishments.staff.rolePlaceholder')}
        {...form.getInputProps('role')}
      />
      {member && <Switch label={t('establishments.staff.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />}
    </FormModal>
  );
}
