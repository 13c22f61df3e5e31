import { Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { partnerTypes, type PartnerType } from '../../../../shared/programmes/rules';
import type { Partner } from '../../../../shared/programmes/schemas';
import { FormModal } from '../../components/FormModal';
import { useRecordDialog } from '../../components/useRecordDialog';
import { NotesField } from './recordForms';
import { PartnerLogoField } from './PartnerLogoField';
import { useOptions } from '../../components/ListTools';

interface Values {
  name: string;
  type: string | null;
  contactName: string;
  contactRole: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
  active: boolean;
}

const blank: Values = {
  name: '',
  type: null,
  contactName: '',
  contactRole: '',
  contactEmail: '',
  contactPhone: '',
  notes: '',
  active: true,
};

const fromPartner = (p: Partner): Values => ({
  name: p.name,
  type: p.type,
  contactName: p.contactName ?? '',
  contactRole: p.contactRole ?? '',
  contactEmail: p.contactEmail ?? '',
  contactPhone: p.contactPhone ?? '',
  notes: p.notes ?? '',
  active: p.active,
});

/** Register a partner or edit one; a refused save keeps what was typed and marks the field. */
export function PartnerFormModal({ opened, onClose, partner }: { opened: boolean; onClose: () => void; partner: Partner | null }) {
  const { t } = useTranslation();
  const typeOptions = useOptions(partnerTypes, 'programmes.partnerTypes');
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, write, modal } = useRecordDialog('partners', partner, {
    opened,
    onClose,
    savedMessage: (p) => t(partner ? 'programmes.partners.updated' : 'programmes.partners.created', { name: p.name }),
    values: (): Values => (partner ? fromPartner(partner) : blank),
  });
  const save = ({ active, ...v }: Values) => write({ ...v, type: (v.type ?? '') as PartnerType }, { active });
  return (
    <FormModal {...modal(save)} size={640} title={t(partner ? 'programmes.partners.editTitle' : 'programmes.partners.newTitle')} gap="sm">
      <TextInput label={t('programmes.partners.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
      <Select label={t('programmes.partners.type')} withAsterisk data={typeOptions} {...form.getInputProps('type')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('programmes.partners.contactName')} {...form.getInputProps('contactName')} />
        <TextInput label={t('programmes.partners.contactRole')} {...form.getInputProps('contactRole')} />
        <TextInput label={t('programmes.partners.contactEmail')} {...form.getInputProps('contactEmail')} />
        <TextInput label={t('programmes.partners.contactPhone')} {...form.getInputProps('contactPhone')} />
      </SimpleGrid>
      <NotesField {...form.getInputProps('notes')} />
      {partner && <PartnerLogoField partnerId={partner.id} name={partner.name} />}
      {partner && <Switch label={t('programmes.partners.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />}
    </FormModal>
  );
}
