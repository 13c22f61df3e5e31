import { Alert, Button, Card, Center, Divider, Group, Loader, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconBuildingBroadcastTower, IconCheck, IconLock } from '@tabler/icons-react';
import { lazy, Suspense, useState, type FormEventHandler, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupAdmin, SignIn, Unlock, type AuthStatus, type SessionUser } from '../../../../shared/auth/schemas';
import { formatDateTime } from '../../../../shared/format';
import { ApiCallError, call } from '../../api';
import type { z } from 'zod';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useRecordForm } from '../../components/useRecordForm';
import { schemaValidator } from '../../forms';
import { ChangePasswordForm, NewPasswordFields } from './ChangePasswordForm';
import { forgetRestore, lastRestore } from './restoreNotice';
import { forgetInstall, lastInstall, rememberInstall } from './installNotice';
import { loadCatalogs } from '../../i18n';

/** «Instalar como sede»: its code and texts (every catalog) only when chosen, never with the sign-in screen. */
const InstallSiteForm = lazy(() =>
  Promise.all([import('./InstallSiteForm'), loadCatalogs()]).then(([m]) => ({ default: m.InstallSiteForm })),
);

/** The screens before the app: one card in the middle, the app's name, the language. */
function AuthLayout({ title, icon, children }: { title: string; icon?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
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
            <LanguageSwitch />
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

/** After signing in or out, nothing of the previous user's screens stays in memory. */
function useFreshStart() {
  const client = useQueryClient();
  return () => {
    window.location.hash = '#/';
    return client.resetQueries();
  };
}

/**
 * The form of a screen before the app: the shared schema's rules next to the fields; a refusal
 * from main next to its field, or above the form when no field is to blame (it keeps what was
 * typed, but the password when `clearPassword`); `refused` follows a refusal.
 */
function useAuthForm<V extends Record<string, string>>({
  values,
  schema,
  run,
  clearPassword = false,
  refused,
}: {
  values: V;
  schema: z.ZodType;
  run: (values: V) => Promise<unknown>;
  clearPassword?: boolean;
  refused?: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const { form, formError, setFormError, onError } = useRecordForm<V>({
    opened: true,
    values: () => values,
    validate: schemaValidator(schema, t),
    sentenceWithFields: false,
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    setBusy(true);
    try {
      await run(v);
    } catch (err) {
      if (clearPassword) form.setValues((typed) => ({ ...typed, password: '' }));
      if (err instanceof ApiCallError) onError(err);
      else setFormError(err instanceof Error ? err.message : String(err));
      refused?.(err);
    } finally {
      setBusy(false);
    }
  });
  return { form, formError, submit, busy };
}

/** The form of a screen before the app: the refusal, the fields, one wide button to go on, and what follows it. */
function AuthForm({
  auth,
  label,
  errorIcon,
  after,
  children,
}: {
  auth: { formError: string | null; submit: FormEventHandler<HTMLFormElement>; busy: boolean };
  label: string;
  errorIcon?: ReactNode;
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form onSubmit={auth.submit} noValidate>
      <Stack>
        <FormErrorAlert error={auth.formError} icon={errorIcon} />
        {children}
        <Button type="submit" loading={auth.busy} fullWidth>
          {label}
        </Button>
        {after}
      </Stack>
    </form>
  );
}

/** `ended`: why the previous session ended without signing out (an administrator deactivated the account). */
export function SignInPage({ ended = null }: { ended?: AuthStatus['ended'] }) {
  const { t } = useTranslation();
  const restart = useFreshStart();
  const auth = useAuthForm({
    values: { username: '', password: '' },
    schema: SignIn,
    clearPassword: true,
    run: async (values) => {
      await call('auth.signIn', values);
      forgetRestore();
      forgetInstall();
      await restart();
    },
  });
  const { form } = auth;
  const restored = lastRestore();
  const installed = lastInstall();

  return (
    <AuthLayout title={t('auth.signIn.title')}>
      {restored && (
        <Alert color="teal" icon={<IconCheck size={18} />} data-testid="restore-notice">
          {t('auth.signIn.restored', { name: restored.restoredFrom, date: formatDateTime(restored.backupCreatedAt) })}
        </Alert>
      )}
      {installed && (
        <Alert color="teal" icon={<IconCheck size={18} />} data-testid="install-notice">
          {t('auth.signIn.installed', { site: installed.siteName, fingerprint: installed.centreFingerprint })}
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
      <AuthForm
        auth={auth}
        label={t('auth.signIn.submit')}
        errorIcon={<IconAlertTriangle size={18} />}
        after={
          <Text size="xs" c="dimmed" ta="center">
            {t('auth.signIn.forgot')}
          </Text>
        }
      >
        <TextInput data-autofocus required label={t('auth.username')} autoComplete="username" {...form.getInputProps('username')} />
        <PasswordInput required label={t('auth.password')} autoComplete="current-password" {...form.getInputProps('password')} />
      </AuthForm>
    </AuthLayout>
  );
}

/**
 * The first run, no account yet: create the first administrator, or install this PC as a
 * prison's site with the centre's enrolment package (its accounts come with it: the sign-in
 * screen follows; a package without accounts comes back here, saying so).
 */
export function FirstRunPage() {
  const { t } = useTranslation();
  const restart = useFreshStart();
  const [installing, setInstalling] = useState(false);
  const auth = useAuthForm({
    values: { username: '', fullName: '', password: '', confirm: '' },
    schema: SetupAdmin,
    run: async (values) => {
      await call('auth.setupAdmin', values);
      forgetInstall();
      await restart();
    },
  });
  const { form } = auth;
  const installed = lastInstall();

  if (installing) {
    return (
      <AuthLayout title={t('auth.setup.installSite')} icon={<IconBuildingBroadcastTower size={26} />}>
        <Suspense fallback={<Loader aria-label={t('app.loading')} />}>
          <InstallSiteForm
            onBack={() => setInstalling(false)}
            onInstalled={async (r) => {
              rememberInstall(r);
              setInstalling(false);
              await restart();
            }}
          />
        </Suspense>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('auth.setup.title')}>
      {installed && (
        <Alert color="teal" icon={<IconCheck size={18} />} data-testid="install-notice">
          {t('auth.setup.installedNoAccounts', {
            site: installed.siteName,
            fingerprint: installed.centreFingerprint,
          })}
        </Alert>
      )}
      <Text size="sm">{t('auth.setup.intro')}</Text>
      <AuthForm auth={auth} label={t('auth.setup.submit')}>
        <TextInput data-autofocus required label={t('auth.fullName')} autoComplete="name" {...form.getInputProps('fullName')} />
        <TextInput
          required
          label={t('auth.username')}
          description={t('auth.usernameHint')}
          autoComplete="username"
          {...form.getInputProps('username')}
        />
        <NewPasswordFields label={t('auth.password')} password={form.getInputProps('password')} confirm={form.getInputProps('confirm')} />
        <Alert color="yellow" variant="light" p="xs">
          <Text size="xs">{t('auth.setup.keepSafe')}</Text>
        </Alert>
      </AuthForm>
      {!installed && (
        <>
          <Divider />
          <Text size="sm" c="dimmed">
            {t('auth.setup.siteIntro')}
          </Text>
          <Button variant="light" leftSection={<IconBuildingBroadcastTower size={16} />} onClick={() => setInstalling(true)}>
            {t('auth.setup.installSite')}
          </Button>
        </>
      )}
    </AuthLayout>
  );
}

export function LockScreen({ user, idleMinutes, onUnlocked }: { user: SessionUser; idleMinutes: number; onUnlocked: () => void }) {
  const { t } = useTranslation();
  const restart = useFreshStart();
  const auth = useAuthForm({
    values: { password: '' },
    schema: Unlock,
    clearPassword: true,
    run: async (values) => {
      await call('auth.unlock', values);
      onUnlocked();
    },
    // Five failures sign the session out: the sign-in screen follows.
    refused: (err) => {
      if (err instanceof ApiCallError && err.error.code !== 'validation') onUnlocked();
    },
  });

  const otherUser = async () => {
    await call('auth.signOut', {}).catch(() => undefined);
    await restart();
  };

  return (
    <AuthLayout title={t('auth.lock.title')} icon={<IconLock size={26} />}>
      <Text size="sm">{t('auth.lock.intro', { name: user.fullName, minutes: idleMinutes })}</Text>
      <AuthForm
        auth={auth}
        label={t('auth.lock.submit')}
        after={
          <Button variant="subtle" onClick={() => void otherUser()}>
            {t('auth.lock.otherUser')}
          </Button>
        }
      >
        <TextInput readOnly label={t('auth.username')} value={user.username} />
        <PasswordInput
          data-autofocus
          required
          label={t('auth.password')}
          autoComplete="current-password"
          {...auth.form.getInputProps('password')}
        />
      </AuthForm>
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
