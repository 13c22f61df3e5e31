import { Alert, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { maskExample } from '../../../../../shared/inventory/code-format';
import { useApiMutation, useApiQuery } from '../../../api';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';

/** The patrimonial code's format: free text by default, or a mask such as INPE-9999-999999. */
export function CodeFormatModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useApiQuery('inventory.settings', {}, { enabled: opened });
  const save = useApiMutation('inventory.setSettings');
  const loaded = settings.data !== undefined;
  // Once it opens with the settings loaded; a background refetch keeps what is typed.
  const { form, formError, saved } = useRecordForm({
    opened: opened && loaded,
    recordKey: 'settings',
    values: () => ({ codeMask: settings.data?.codeMask ?? '' }),
    sentenceWithFields: false,
  });

  const submit = form.onSubmit((v) => save.mutate(v, saved(t('inventory.settings.saved'), onClose)));

  const mask = form.values.codeMask;
  const example = mask.trim() ? maskExample(mask) : null;
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('inventory.settings.title')}
      onSubmit={submit}
      error={formError}
      saving={save.isPending}
      saveDisabled={!loaded}
    >
      <TextInput
        data-autofocus
        label={t('inventory.settings.mask')}
        description={t('inventory.settings.maskHint')}
        placeholder={t('inventory.settings.free')}
        // Until the stored format arrives: what is typed before it would be replaced by it.
        disabled={!loaded}
        {...form.getInputProps('codeMask')}
        onChange={(e) => form.setFieldValue('codeMask', e.currentTarget.value.toUpperCase())}
      />
      {example ? (
        <Text size="sm">{t('inventory.settings.example', { example })}</Text>
      ) : (
        <Alert variant="light" p="xs">
          {t('inventory.settings.free')}
        </Alert>
      )}
    </FormModal>
  );
}
