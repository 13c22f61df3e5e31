import { Select, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SiteEnrolled } from '../../../../shared/sites/schemas';
import { useApiMutation } from '../../api';
import { useEstablishmentOptions } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';

/**
 * «Dar de alta una sede»: an active establishment not yet enrolled; main then asks where to save
 * the package (a cancel closes quietly, nothing enrolled) and answers the passphrase, once.
 */
export function EnrolSiteModal({
  opened,
  enrolled,
  onClose,
  onEnrolled,
}: {
  opened: boolean;
  /** The establishments already enrolled (sites.list). */
  enrolled: readonly number[];
  onClose: () => void;
  onEnrolled: (r: Extract<SiteEnrolled, { status: 'saved' }>) => void;
}) {
  const { t } = useTranslation();
  const enrol = useApiMutation('sites.enrol');
  const options = useEstablishmentOptions('active').filter((o) => !enrolled.includes(Number(o.value)));
  const { form, modal, onError, setFormError } = useRecordForm<{ establishmentId: string | null }>({
    opened,
    values: () => ({ establishmentId: null }),
    validate: (v) => (v.establishmentId ? {} : { establishmentId: t('sites.enrol.required') }),
  });

  const save = ({ establishmentId }: { establishmentId: string | null }) => {
    setFormError(null);
    enrol.mutate(
      { establishmentId: Number(establishmentId) },
      {
        onSuccess: (r) => {
          if (r.status === 'saved') onEnrolled(r);
          else onClose();
        },
        onError,
      },
    );
  };

  return (
    <FormModal
      {...modal(save)}
      onClose={() => !enrol.isPending && onClose()}
      title={t('sites.enrol.title')}
      saving={enrol.isPending}
      saveLabel={t('sites.enrol.submit')}
      saveIcon={<IconDeviceFloppy size={16} />}
      saveDisabled={options.length === 0}
      cancelDisabled={enrol.isPending}
    >
      <Text size="sm">{t('sites.enrol.intro')}</Text>
      <Select
        data-autofocus
        required
        searchable
        label={t('sites.enrol.establishment')}
        description={options.length === 0 ? t('sites.enrol.noneLeft') : t('sites.enrol.establishmentHint')}
        data={options}
        nothingFoundMessage={t('common.noRecords')}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('establishmentId')}
      />
    </FormModal>
  );
}
