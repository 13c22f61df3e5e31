import { Modal, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partnerTypes, type PartnerType } from '../../../../shared/programmes/rules';
import type { Partner } from '../../../../shared/programmes/schemas';
import { useApiMutation } from '../../api';
import { FormActions } from '../../components/fields';
import { useResetOnOpen } from '../../forms';
import type { Refusal } from './partnerUi';
import { useOptions } from './ui';

/** Register a partner or edit one; a refused save keeps what was typed and marks the field. */
export function PartnerFormModal({ opened, onClose, partner }: { opened: boolean; onClose: () => void; partner: Partner | null }) {
  const { t } = useTranslation();
  const typeOptions = useOptions(partnerTypes, 'programmes.partnerTypes');
  const create = useApiMutation('partners.create');
  const update = useApiMutation('partners.update');
  const blank = {
    name: '',
    type: null as string | null,
    contactName: '',
    contactRole: '',
    contactEmail: '',
    contactPhone: '',
    notes: '',
    active: true,
  };
  const [v, setV] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(opened, partner?.id ?? null, () => {
    setErrors({});
    setV(
      partner
        ? {
            name: partner.name,
            type: partner.type,
            contactName: partner.contactName ?? '',
            contactRole: partner.contactRole ?? '',
            contactEmail: partner.contactEmail ?? '',
            contactPhone: partner.contactPhone ?? '',
            notes: partner.notes ?? '',
            active: partner.active,
          }
        : blank,
    );
  });
  const save = () => {
    const input = {
      name: v.name,
      type: (v.type ?? '') as PartnerType,
      contactName: v.contactName,
      contactRole: v.contactRole,
      contactEmail: v.contactEmail,
      contactPhone: v.contactPhone,
      notes: v.notes,
    };
    const opts = {
      onSuccess: (p: Partner) => {
        notifications.show({
          color: 'teal',
          message: t(partner ? 'programmes.partners.updated' : 'programmes.partners.created', { name: p.name }),
        });
        onClose();
      },
      onError: (err: Refusal) => {
        setErrors(err.error.fields);
        notifications.show({ color: 'red', message: err.message });
      },
    };
    if (partner) update.mutate({ ...input, id: partner.id, version: partner.version, active: v.active }, opts);
    else create.mutate(input, opts);
  };
  const text = (k: 'name' | 'contactName' | 'contactRole' | 'contactEmail' | 'contactPhone') => ({
    value: v[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.currentTarget.value }),
    error: errors[k],
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={640}
      title={t(partner ? 'programmes.partners.editTitle' : 'programmes.partners.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <TextInput label={t('programmes.partners.name')} withAsterisk data-autofocus {...text('name')} />
        <Select
          label={t('programmes.partners.type')}
          withAsterisk
          data={typeOptions}
          value={v.type}
          onChange={(x) => setV({ ...v, type: x })}
          error={errors.type}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('programmes.partners.contactName')} {...text('contactName')} />
          <TextInput label={t('programmes.partners.contactRole')} {...text('contactRole')} />
          <TextInput label={t('programmes.partners.contactEmail')} {...text('contactEmail')} />
          <TextInput label={t('programmes.partners.contactPhone')} {...text('contactPhone')} />
        </SimpleGrid>
        <Textarea
          label={t('programmes.common.notes')}
          autosize
          minRows={2}
          value={v.notes}
          onChange={(e) => setV({ ...v, notes: e.currentTarget.value })}
        />
        {partner && (
          <Switch
            label={t('programmes.partners.activeLabel')}
            checked={v.active}
            onChange={(e) => setV({ ...v, active: e.currentTarget.checked })}
          />
        )}
        <FormActions onCancel={onClose} onSave={save} saving={create.isPending || update.isPending} />
      </Stack>
    </Modal>
  );
}
