import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePassword } from '../../../../shared/auth/schemas';
import { useApiMutation, type ApiCallError } from '../../api';
import { schemaValidator } from '../../forms';

const empty = { currentPassword: '', password: '', confirm: '' };

/** The signed-in user's own password: the current one, the new one twice. */
export function ChangePasswordForm({ onDone, onCancel }: { onDone?: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const change = useApiMutation('auth.changePassword');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: empty, validate: schemaValidator(ChangePassword, t) });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    change.mutate(values, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('auth.change.done') });
        form.setValues(empty);
        onDone?.();
      },
      onError: (err: ApiCallError) => {
        if (Object.keys(err.error.fields).length > 0) form.setErrors(err.error.fields);
        else setFormError(err.error.message);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <PasswordInput
          data-autofocus
          required
          label={t('auth.currentPassword')}
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          required
          label={t('auth.newPassword')}
          description={t('auth.passwordHint')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <PasswordInput required label={t('auth.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={change.isPending}>
            {t('auth.change.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
