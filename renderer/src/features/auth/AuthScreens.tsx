import { Alert, Button, Card, Center, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupAdmin, SignIn, Unlock, type AuthStatus, type SessionUser } from '../../../../shared/auth/schemas';
import { formatDateTime } from '../../../../shared/format';
import { ApiCallError, call } from '../../api';
import { schemaValidator } from '../../forms';
import { ChangePasswordForm } from './ChangePasswordForm';
import { forgetRestore, lastRestore } from './restoreNotice';

/** The screens before the app: one card in the middle, the app's name, the language. */
function AuthLayout({ title, icon, children }: { title: string; icon?: ReactNode; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Card withBorder shadow="sm" radius="md" p="xl" w={440} component="main">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={0}>
              <Text fw={700} c="indigo.7">
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('app.tagline')}
              </Text>
            </Stack>
            <SegmentedControl
              size="xs"
              aria-label={t('app.language')}
              value={i18n.language}
              data={[
                { value: 'es-PE', label: 'ES' },
                { value: 'en', label: 'EN' },
              ]}
              onChange={(v) => void i18n.changeLanguage(v)}
            />
          </Group>
          <Group gap="xs">
            {icon}
            <Title order={2}>{title}</Title>
          </Group>
          {children}
        </Stack>
      </Card>
    </Center>
  );
}

/** Field messages next to their fields; anything else above the form. */
function useRefusal(form: { setErrors(e: Record<string, string>): void }) {
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => {
    if (err instanceof ApiCallError && Object.keys(err.error.fields).length > 0) {
      form.setErrors(err.error.fields);
      setError(null);
    } else setError(err instanceof Error ? err.message : String(err));
  };
  return { error, setError, fail };
}

/** After signing in or out, nothing of the previous user's screens stays in memory. */
function useFreshStart() {
  const client = useQueryClient();
  return () => {
    window.location.hash = '#/';
    return client.resetQueries();
  };
}

/** `ended`: why the previous session ended without signing out (an administrator deactivated the account). */
export function SignInPage({ ended = null }: { ended?: AuthStatus['ended'] }) {
  const { t } = useTranslation();
  const restart = useFreshStart();
  const [busy, setBusy] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { username: '', password: '' }, validate: schemaValidator(SignIn, t) });
  const refusal = useRefusal(form);
  const restored = lastRestore();

  const submit = form.onSubmit(async (values) => {
    refusal.setError(null);
    setBusy(true);
    try {
      await call('auth.signIn', values);
      forgetRestore();
      await restart();
    } catch (err) {
      form.setFieldValue('password', '');
      refusal.fail(err);
    } finally {
      setBusy(false);
    }
  });

  return (
    <AuthLayout title={t('auth.signIn.title')}>
      {restored && (
        <Alert color="teal" icon={<IconCheck size={18} />} data-testid="restore-notice">
          {t('auth.signIn.restored', { name: restored.restoredFrom, date: formatDateTime(restored.backupCreatedAt) })}
        </Alert>
      )}
      {ended === 'deactivated' && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="session-ended">
          {t('auth.errors.deactivated')}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('auth.signIn.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          {refusal.error && (
            <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} />}>
              {refusal.error}
            </Alert>
          )}
          <TextInput data-autofocus required label={t('auth.username')} autoComplete="username" {...form.getInputProps('username')} />
          <PasswordInput required label={t('auth.password')} autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={busy} fullWidth>
            {t('auth.signIn.submit')}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t('auth.signIn.forgot')}
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}

export function FirstRunPage() {
  const { t } = useTranslation();
  const restart = useFreshStart();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', fullName: '', password: '', confirm: '' },
    validate: schemaValidator(SetupAdmin, t),
  });
  const refusal = useRefusal(form);

  const submit = form.onSubmit(async (values) => {
    refusal.setError(null);
    setBusy(true);
    try {
      await call('auth.setupAdmin', values);
      await restart();
    } catch (err) {
      refusal.fail(err);
    } finally {
      setBusy(false);
    }
  });

  return (
    <AuthLayout title={t('auth.setup.title')}>
      <Text size="sm">{t('auth.setup.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          {refusal.error && (
            <Alert color="red" role="alert">
              {refusal.error}
            </Alert>
          )}
          <TextInput data-autofocus required label={t('auth.fullName')} autoComplete="name" {...form.getInputProps('fullName')} />
          <TextInput
            required
            label={t('auth.username')}
            description={t('auth.usernameHint')}
            autoComplete="username"
            {...form.getInputProps('username')}
          />
          <PasswordInput
            required
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput required label={t('auth.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
          <Alert color="yellow" variant="light" p="xs">
            <Text size="xs">{t('auth.setup.keepSafe')}</Text>
          </Alert>
          <Button type="submit" loading={busy} fullWidth>
            {t('auth.setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

export function LockScreen({ user, idleMinutes, onUnlocked }: { user: SessionUser; idleMinutes: number; onUnlocked: () => void }) {
  const { t } = useTranslation();
  const restart = useFreshStart();
  const [busy, setBusy] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { password: '' }, validate: schemaValidator(Unlock, t) });
  const refusal = useRefusal(form);

  const submit = form.onSubmit(async (values) => {
    refusal.setError(null);
    setBusy(true);
    try {
      await call('auth.unlock', values);
      onUnlocked();
    } catch (err) {
      form.setFieldValue('password', '');
      refusal.fail(err);
      // Five failures sign the session out: the sign-in screen follows.
      if (err instanceof ApiCallError && err.error.code !== 'validation') onUnlocked();
    } finally {
      setBusy(false);
    }
  });

  const otherUser = async () => {
    await call('auth.signOut', {}).catch(() => undefined);
    await restart();
  };

  return (
    <AuthLayout title={t('auth.lock.title')} icon={<IconLock size={26} />}>
      <Text size="sm">{t('auth.lock.intro', { name: user.fullName, minutes: idleMinutes })}</Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          {refusal.error && (
            <Alert color="red" role="alert">
              {refusal.error}
            </Alert>
          )}
          <TextInput readOnly label={t('auth.username')} value={user.username} />
          <PasswordInput
            data-autofocus
            required
            label={t('auth.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('auth.lock.submit')}
          </Button>
          <Button variant="subtle" onClick={() => void otherUser()}>
            {t('auth.lock.otherUser')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

/** A temporary password (new account, reset) is changed before anything else. */
export function ForcedPasswordPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('auth.change.forcedTitle')}>
      <Alert color="yellow" variant="light">
        {t('auth.change.forced')}
      </Alert>
      <ChangePasswordForm onDone={onDone} />
    </AuthLayout>
  );
}
