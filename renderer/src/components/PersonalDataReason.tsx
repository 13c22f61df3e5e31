import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { PersonalDataReason } from '../../../shared/privacy/schemas';
import { schemaValidator } from '../forms';
import { useRecordForm } from './useRecordForm';

const ReasonForm = z.object({ reason: PersonalDataReason });

function ReasonDialog({ what, t, onDone }: { what: string; t: TFunction; onDone: (reason: string | null) => void }) {
  // The dialog's content exists only while it is open (modals.open): one reason, empty each time.
  const { form } = useRecordForm({ opened: true, values: () => ({ reason: '' }), validate: schemaValidator(ReasonForm, t) });
  return (
    <form onSubmit={form.onSubmit((v) => onDone(v.reason.trim()))} noValidate>
      <Stack>
        <Text size="sm">{t('privacy.reason.intro', { what })}</Text>
        <Textarea
          data-autofocus
          required
          autosize
          minRows={3}
          label={t('privacy.reason.label')}
          placeholder={t('privacy.reason.placeholder')}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('privacy.reason.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Asks why a file with personal data is leaving the app; resolves to the reason, or null
 * when the user cancels. Pass the reason to an export channel whose input has
 * `reason: PersonalDataReason`; main logs it (electron/main/privacy/personal-data.ts).
 *
 *   const reason = await askPersonalDataReason(t, t('programmes.export.what'));
 *   if (reason) await saveFile(() => call('participants.export', { filter, format, reason }));
 */
export function askPersonalDataReason(t: TFunction, what: string): Promise<string | null> {
  return new Promise((resolve) => {
    const id = `personal-data-reason-${Date.now()}`;
    let settled = false;
    const done = (reason: string | null) => {
      if (settled) return;
      settled = true;
      modals.close(id);
      resolve(reason);
    };
    modals.open({
      modalId: id,
      title: t('privacy.reason.title'),
      size: 'lg',
      closeButtonProps: { 'aria-label': t('common.close') },
      onClose: () => done(null),
      children: <ReasonDialog what={what} t={t} onDone={done} />,
    });
  });
}
