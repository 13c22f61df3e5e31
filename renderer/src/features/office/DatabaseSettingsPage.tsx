import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Loader,
  NumberInput,
  PasswordInput,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCertificate,
  IconCircleCheck,
  IconDatabaseImport,
  IconDeviceFloppy,
  IconLockOpen,
  IconPlugConnected,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerSettingsInput, type ConnectionTest, type CopyReport, type DatabaseMode } from '../../../../shared/office/schemas';
import { ApiCallError, call, useApiQuery } from '../../api';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useRecordForm } from '../../components/useRecordForm';
import { schemaValidator } from '../../forms';
import { AttachmentsPlaceSection } from './AttachmentsPlaceSection';

interface FormValues {
  mode: DatabaseMode;
  host: string;
  port: number | string;
  database: string;
  user: string;
  password: string;
  ssl: boolean;
  /** The PEM text of the CA certificate file chosen (or kept); null: none. */
  caCert: string | null;
}

/** TLS on for a new server: the password and the data never cross the network in clear unless the administrator says so. */
const blank: FormValues = { mode: 'local', host: '', port: 5432, database: 'arteinpe', user: '', password: '', ssl: true, caCert: null };

const serverInput = (v: FormValues) => ({
  host: v.host,
  port: typeof v.port === 'number' ? v.port : Number.parseInt(String(v.port), 10),
  database: v.database,
  user: v.user,
  password: v.password,
  ssl: v.ssl,
  caCert: v.ssl ? v.caCert : null,
});

/**
 * Settings → Base de datos (administrador): "Este equipo" (SQLite, the default) or
 * "Servidor de la oficina" (PostgreSQL). "Probar conexión" says in plain Spanish what is
 * wrong; saving is explicit and restarts the data layer.
 */
export function DatabaseSettingsPage() {
  const { t } = useTranslation();
  const settings = useApiQuery('office.database', {});
  const [tested, setTested] = useState<ConnectionTest | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | 'copy' | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [copyConfirmed, setCopyConfirmed] = useState(false);
  const [copied, setCopied] = useState<CopyReport | null>(null);
  /** The CA file chosen in this visit (its name is shown); the kept one is named by its subject. */
  const [caFile, setCaFile] = useState<File | null>(null);
  const validateServer = schemaValidator<ReturnType<typeof serverInput>>(ServerSettingsInput, t);
  const loaded = settings.data;
  // Once the saved settings arrive: what the administrator types afterwards stays, whatever is fetched again.
  const { form, formError, setFormError, onError } = useRecordForm<FormValues>({
    opened: loaded !== undefined,
    recordKey: 'database',
    initialValues: blank,
    validate: (v) => (v.mode === 'server' ? validateServer(serverInput(v)) : {}),
    values: () => ({
      ...blank,
      mode: loaded?.mode ?? blank.mode,
      ...(loaded?.server
        ? {
            host: loaded.server.host,
            port: loaded.server.port,
            database: loaded.server.database,
            user: loaded.server.user,
            ssl: loaded.server.ssl,
            caCert: loaded.server.caCert,
          }
        : {}),
    }),
  });

  const fail = (err: unknown) => {
    if (err instanceof ApiCallError) onError(err);
    else setFormError(err instanceof Error ? err.message : String(err));
  };

  const test = async () => {
    setFormError(null);
    setTested(null);
    setSavedNote(null);
    if (form.validate().hasErrors) return;
    setBusy('test');
    try {
      setTested(await call('office.testDatabase', serverInput(form.getValues())));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    setFormError(null);
    setTested(null);
    setSavedNote(null);
    if (form.validate().hasErrors) return;
    const v = form.getValues();
    setBusy('save');
    try {
      const r = await call('office.saveDatabase', v.mode === 'server' ? { mode: 'server', ...serverInput(v) } : { mode: 'local' });
      setSavedNote(t(r.restartRequired ? 'office.page.saved' : 'office.page.savedNoRestart'));
      form.setFieldValue('password', '');
      void settings.refetch();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const copy = async () => {
    setFormError(null);
    setCopied(null);
    if (form.validate().hasErrors) return;
    setBusy('copy');
    try {
      setCopied(await call('office.copyToServer', { ...serverInput(form.getValues()), confirm: true }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  /** The file's text as it is: a file that is not a PEM certificate is refused next to the field (the schema), never altered. */
  const chooseCa = async (file: File | null) => {
    setCaFile(file);
    form.setFieldValue('caCert', file ? await file.text() : null);
    form.clearFieldError('caCert');
  };

  if (settings.isLoading) return <Loader />;
  const values = form.getValues();
  const server = values.mode === 'server';
  const keptCa = !caFile && values.caCert && values.caCert === loaded?.server?.caCert ? loaded.server.caCertSubject : null;
  return (
    <Stack maw={760}>
      <PageHeader
        title={t('office.page.title')}
        subtitle={t('office.page.subtitle')}
        actions={
          loaded && (
            <Group gap="xs">
              <Badge variant="light" size="lg">
                {t('office.page.activeNow', { mode: t(loaded.active === 'server' ? 'office.page.server' : 'office.page.local') })}
              </Badge>
              {loaded.readOnly && (
                <Badge color="orange" size="lg">
                  {t('office.page.readOnly')}
                </Badge>
              )}
            </Group>
          )
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <Radio.Group label={t('office.page.where')} {...form.getInputProps('mode')}>
            <Stack gap="xs" mt="xs">
              <Card withBorder padding="sm">
                <Radio value="local" label={t('office.page.local')} description={t('office.page.localHelp')} />
              </Card>
              <Card withBorder padding="sm">
                <Radio value="server" label={t('office.page.server')} description={t('office.page.serverHelp')} />
              </Card>
            </Stack>
          </Radio.Group>

          {server && (
            <Card withBorder>
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('office.page.host')} required autoComplete="off" {...form.getInputProps('host')} />
                  <NumberInput
                    label={t('office.page.port')}
                    required
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator=""
                    {...form.getInputProps('port')}
                  />
                  <TextInput label={t('office.page.database')} required autoComplete="off" {...form.getInputProps('database')} />
                  <TextInput label={t('office.page.user')} required autoComplete="off" {...form.getInputProps('user')} />
                </SimpleGrid>
                <PasswordInput
                  label={t('office.page.password')}
                  autoComplete="new-password"
                  description={loaded?.server?.hasPassword ? t('office.page.passwordKept') : t('office.page.passwordProtected')}
                  {...form.getInputProps('password')}
                />
                <Checkbox
                  label={t('office.page.ssl')}
                  description={t('office.page.sslHelp')}
                  {...form.getInputProps('ssl', { type: 'checkbox' })}
                />
                {values.ssl ? (
                  <Stack gap={4}>
                    <FileInput
                      label={t('office.page.caCert')}
                      description={t('office.page.caCertHelp')}
                      placeholder={keptCa ? t('office.page.caCertKept', { subject: keptCa }) : t('office.page.caCertPlaceholder')}
                      accept=".pem,.crt,.cer,application/x-pem-file,application/x-x509-ca-cert"
                      leftSection={<IconCertificate size={16} />}
                      value={caFile}
                      onChange={(f) => void chooseCa(f)}
                      error={form.errors.caCert}
                    />
                    {values.caCert && (
                      <Group>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          leftSection={<IconX size={14} />}
                          onClick={() => void chooseCa(null)}
                        >
                          {t('office.page.caCertRemove')}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                ) : (
                  <Alert color="yellow" icon={<IconLockOpen size={18} />}>
                    <Text size="sm">{t('office.page.sslOff')}</Text>
                  </Alert>
                )}
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconPlugConnected size={16} />}
                    loading={busy === 'test'}
                    onClick={() => void test()}
                  >
                    {t('office.page.test')}
                  </Button>
                </Group>
                {tested && (
                  <Alert
                    role="status"
                    color={tested.ok ? 'green' : 'red'}
                    icon={tested.ok ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
                  >
                    <Text size="sm">{tested.message}</Text>
                  </Alert>
                )}
              </Stack>
            </Card>
          )}

          {server && loaded?.active === 'local' && (
            <Card withBorder>
              <Stack gap="xs">
                <Text fw={600}>{t('office.copy.title')}</Text>
                <Text size="sm" c="dimmed">
                  {t('office.copy.help')}
                </Text>
                <Checkbox
                  label={t('office.copy.confirm')}
                  checked={copyConfirmed}
                  onChange={(e) => setCopyConfirmed(e.currentTarget.checked)}
                />
                <Group>
                  <Button
                    variant="light"
                    leftSection={<IconDatabaseImport size={16} />}
                    disabled={!copyConfirmed}
                    loading={busy === 'copy'}
                    onClick={() => void copy()}
                  >
                    {t('office.copy.run')}
                  </Button>
                </Group>
                {copied && (
                  <Alert
                    role="status"
                    color={copied.ok ? 'green' : 'red'}
                    icon={copied.ok ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
                  >
                    <Text size="sm">{copied.message}</Text>
                  </Alert>
                )}
                {copied?.ok && (
                  <Table striped withTableBorder fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('office.copy.table')}</Table.Th>
                        <Table.Th ta="right">{t('office.copy.rows')}</Table.Th>
                        <Table.Th>SHA-256</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {copied.tables
                        .filter((x) => x.rows > 0)
                        .map((x) => (
                          <Table.Tr key={x.name}>
                            <Table.Td>{x.name}</Table.Td>
                            <Table.Td ta="right">{x.rows}</Table.Td>
                            <Table.Td ff="monospace">{x.sha256.slice(0, 16)}…</Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Stack>
            </Card>
          )}

          <FormErrorAlert error={formError} icon={<IconAlertTriangle size={18} />} />
          {savedNote && (
            <Alert role="status" color="green" icon={<IconCircleCheck size={18} />}>
              {savedNote}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={busy === 'save'}>
              {t('office.page.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {loaded?.active === 'server' && <AttachmentsPlaceSection />}
    </Stack>
  );
}
