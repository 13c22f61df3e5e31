import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangePassword } from '../../../../shared/auth/schemas';
import { useApiMutation } from '../../api';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useRecordForm, type FieldProps } from '../../components/useRecordForm';
import { schemaValidator } from '../../forms';

interface Values {
  currentPassword: string;
  password: string;
  confirm: string;
}

const empty = (): Values => ({ currentPassword: '', password: '', confirm: '' });

/** The form of the signed-in user's own password, emptied each time it opens. */
function useChangePassword(opened: boolean, onDone?: () => void) {
  const { t } = useTranslation();
  const change = useApiMutation('auth.changePassword');
  // A wrong current password is said next to that field only.
  const { form, formError, setFormError, saved } = useRecordForm<Values>({
    opened,
    values: empty,
    validate: schemaValidator(ChangePassword, t),
    sentenceWithFields: false,
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    change.mutate(
      values,
      saved(t('auth.change.done'), () => {
        form.setValues(empty());
        onDone?.();
      }),
    );
  });
  return { form, formError, submit, saving: change.isPending };
}

/** A new password and the same again (the first administrator's, or one's own). */
export function NewPasswordFields({ label, password, confirm }: { label: string; password: FieldProps; confirm: FieldProps }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput required label={label} description={t('auth.passwordHint')} autoComplete="new-password" {...password} />
      <PasswordInput required label={t('auth.confirm')} autoComplete="new-password" {...confirm} />
    </>
  );
}

/** The current password, the new one twice. */
function PasswordFields({ form }: { form: ReturnType<typeof useChangePassword>['form'] }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        data-autofocus
        required
        label={t('auth.currentPassword')}
        autoComplete="current-password"
        {...form.getInputProps('currentPassword')}
      />
      <NewPasswordFields label={t('auth.newPassword')} password={form.getInputProps('password')} confirm={form.getInputProps('confirm')} />
    </>
  );
}

/** The signed-in user's own password, on a page of its own (a temporary password is changed first). */
export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const { form, formError, submit, saving } = useChangePassword(true, onDone);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormErrorAlert error={formError} />
        <PasswordFields form={form} />
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {t('auth.change.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Cambiar mi contraseña" from the user menu. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, formError, submit, saving } = useChangePassword(opened, onClose);
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('auth.change.title')}
      onSubmit={submit}
      error={formError}
      saving={saving}
      saveLabel={t('auth.change.submit')}
    >
      <PasswordFields form={form} />
    </FormModal>
  );
}
