import { Alert, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/fields';
import { maskExample } from '../../../../../shared/inventory/code-format';
import { useApiMutation, useApiQuery } from '../../../api';
import { useResetOnOpen } from '../../../forms';

/** The patrimonial code's format: free text by default, or a mask such as INPE-9999-999999. */
export function CodeFormatModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useApiQuery('inventory.settings', {}, { enabled: opened });
  const save = useApiMutation('inventory.setSettings');
  const [mask, setMask] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Once it opens with the settings loaded; a background refetch keeps what is typed.
  useResetOnOpen(opened && settings.data !== undefined, 'settings', () => {
    if (!settings.data) return;
    setMask(settings.data.codeMask);
    setError(null);
  });

  const example = mask.trim() ? maskExample(mask) : null;
  return (
    <Modal opened={opened} onClose={onClose} title={t('inventory.settings.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { codeMask: mask },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('inventory.settings.saved') });
                onClose();
              },
              onError: (err) => setError(err.error.fields.codeMask ?? err.message),
            },
          );
        }}
      >
        <Stack>
          <TextInput
            data-autofocus
            label={t('inventory.settings.mask')}
            description={t('inventory.settings.maskHint')}
            placeholder={t('inventory.settings.free')}
            value={mask}
            // Until the stored format arrives: what is typed before it would be replaced by it.
            disabled={settings.data === undefined}
            onChange={(e) => setMask(e.currentTarget.value.toUpperCase())}
            error={error}
          />
          {example ? (
            <Text size="sm">{t('inventory.settings.example', { example })}</Text>
          ) : (
            <Alert variant="light" p="xs">
              {t('inventory.settings.free')}
            </Alert>
          )}
          <FormActions onCancel={onClose} saving={save.isPending} disabled={settings.data === undefined} />
        </Stack>
      </form>
    </Modal>
  );
}
