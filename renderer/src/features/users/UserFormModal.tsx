import { MultiSelect, PasswordInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../../shared/auth/permissions';
import { UserCreate, UserResetPassword, UserUpdate, type User } from '../../../../shared/users/schemas';
import { useApiMutation } from '../../api';
import { useEstablishmentOptions } from '../../components/fields';
import { schemaValidator } from '../../forms';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';

interface FormValues {
  username: string;
  fullName: string;
  role: string | null;
  establishmentIds: string[];
  password: string;
  confirm: string;
}

const empty: FormValues = { username: '', fullName: '', role: null, establishmentIds: [], password: '', confirm: '' };

const toInput = (v: FormValues) => ({
  username: v.username,
  fullName: v.fullName,
  role: (v.role ?? undefined) as Role | undefined,
  establishmentIds: v.establishmentIds.map(Number),
  password: v.password,
  confirm: v.confirm,
});

/** A role with what it may do, for the role select. */
export function useRoleOptions() {
  const { t } = useTranslation();
  return roles.map((r) => ({ value: r, label: t(`auth.roles.${r}`) }));
}

/** Create a user (with a first password) or edit one's name, role and establishments. */
export function UserFormModal({ opened, onClose, user }: { opened: boolean; onClose: () => void; user: User | null }) {
  const { t } = useTranslation();
  const create = useApiMutation('users.create');
  const update = useApiMutation('users.update');
  const establishments = useEstablishmentOptions('all');
  const roleOptions = useRoleOptions();
  const validateCreate = schemaValidator(UserCreate, t);
  const validateUpdate = schemaValidator(UserUpdate, t);
  // Reset when it opens or turns to another user, never on a background refetch.
  const { form, formError, setFormError, onError } = useRecordForm<FormValues>({
    opened,
    recordKey: user?.id ?? null,
    initialValues: empty,
    validate: (v) => {
      const input = toInput(v);
      return user
        ? validateUpdate({
            id: user.id,
            version: user.version,
            fullName: input.fullName,
            role: input.role,
            establishmentIds: input.establishmentIds,
          })
        : validateCreate(input);
    },
    values: () =>
      user
        ? {
            ...empty,
            username: user.username,
            fullName: user.fullName,
            role: user.role,
            establishmentIds: user.establishmentIds.map(String),
          }
        : empty,
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const input = toInput(values);
    if (user) {
      update.mutate(
        {
          id: user.id,
          version: user.version,
          fullName: input.fullName,
          role: input.role as Role,
          establishmentIds: input.establishmentIds,
        },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'teal', message: t('users.saved', { username: saved.username }) });
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(input as never, {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('users.created', { username: saved.username }) });
          onClose();
        },
        onError,
      });
    }
  });

  const role = form.values.role as Role | null;
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.edit') : t('users.create')}
      size="lg"
      onSubmit={submit}
      error={formError}
      saving={create.isPending || update.isPending}
      actionsMt="sm"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput data-autofocus required label={t('auth.fullName')} {...form.getInputProps('fullName')} />
        <TextInput
          required
          label={t('auth.username')}
          description={user ? undefined : t('auth.usernameHint')}
          disabled={!!user}
          {...form.getInputProps('username')}
        />
      </SimpleGrid>
      <Select required label={t('users.role')} data={roleOptions} allowDeselect={false} {...form.getInputProps('role')} />
      {role && (
        <Text size="xs" c="dimmed" mt={-8}>
          {t(`auth.roleHints.${role}`)}
        </Text>
      )}
      <MultiSelect
        label={t('users.establishments')}
        description={t('users.establishmentsHint')}
        placeholder={form.values.establishmentIds.length === 0 ? t('users.allEstablishments') : undefined}
        data={establishments}
        searchable
        clearable
        {...form.getInputProps('establishmentIds')}
      />
      {!user && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordInput
              required
              label={t('users.firstPassword')}
              description={t('auth.passwordHint')}
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <PasswordInput required label={t('auth.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('users.firstPasswordHint')}
          </Text>
        </>
      )}
    </FormModal>
  );
}

/** A temporary password for a user who forgot theirs (also unlocks the account). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useApiMutation('users.resetPassword');
  const validate = schemaValidator(UserResetPassword, t);
  // Reset when it opens or turns to another user, never on a background refetch.
  const { form, formError, onError } = useRecordForm({
    opened: user !== null,
    recordKey: user?.id,
    validate: (v) => validate({ id: user?.id ?? 1, version: user?.version ?? 1, ...v }),
    values: () => ({ password: '', confirm: '' }),
  });

  const submit = form.onSubmit((v) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, version: user.version, ...v },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('users.passwordReset', { username: saved.username }) });
          onClose();
        },
        onError,
      },
    );
  });

  return (
    <FormModal
      opened={!!user}
      onClose={onClose}
      title={t('users.resetTitle', { name: user?.fullName ?? '' })}
      onSubmit={submit}
      error={formError}
      saving={reset.isPending}
      saveLabel={t('users.resetPassword')}
      header={
        <>
          <Text size="sm">{t('users.resetIntro')}</Text>
        </>
      }
    >
      <PasswordInput
        data-autofocus
        required
        label={t('auth.newPassword')}
        description={t('auth.passwordHint')}
        autoComplete="new-password"
        {...form.getInputProps('password')}
      />
      <PasswordInput required label={t('auth.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
    </FormModal>
  );
}
