import { Alert, Button, Card, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDeviceFloppy, IconServer } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sharedFolderPlacement } from '../../../../shared/office/hosts';
import { ApiCallError, call, useApiQuery } from '../../api';

/**
 * Office mode: "Archivos adjuntos" — one place for the whole office, the server's database
 * (the default) or a shared folder every PC reaches (\\servidor\arteinpe\adjuntos). Saving
 * copies every existing file to the new place, checked by its hash, before switching.
 */
export function AttachmentsPlaceSection() {
  const { t } = useTranslation();
  const settings = useApiQuery('office.attachmentsFolder', {});
  const [place, setPlace] = useState<'database' | 'folder'>('database');
  const [folder, setFolder] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = settings.data;

  useEffect(() => {
    if (!loaded) return;
    setPlace(loaded.place);
    setFolder(loaded.folder ?? '');
  }, [loaded]);

  if (!loaded?.available) return null;

  // As the folder is typed: is it on the database server's machine? (shared/office/hosts.ts)
  const typed = folder.trim();
  const placement = place === 'folder' && typed && loaded.serverHost ? sharedFolderPlacement(typed, loaded.serverHost) : null;

  const save = async () => {
    setError(null);
    setFieldError(null);
    setSaved(null);
    setBusy(true);
    try {
      const r = await call('office.saveAttachmentsFolder', { folder: place === 'folder' ? folder : null });
      setSaved(t('office.attachments.saved', { count: r.count }));
      void settings.refetch();
    } catch (err) {
      if (err instanceof ApiCallError) {
        // A problem with the folder is said next to the field; anything else above the button.
        const onField = err.error.fields.folder ?? null;
        setFieldError(onField);
        setError(onField ? null : err.error.message);
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder>
      <form
        aria-label={t('office.attachments.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Text fw={600}>{t('office.attachments.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('office.attachments.help')}
          </Text>
          <Radio.Group value={place} onChange={(v) => setPlace(v === 'folder' ? 'folder' : 'database')}>
            <Stack gap="xs">
              <Radio value="database" label={t('office.attachments.database')} />
              <Radio value="folder" label={t('office.attachments.folder')} />
            </Stack>
          </Radio.Group>
          {place === 'folder' && (
            <TextInput
              label={t('office.attachments.path')}
              description={t('office.attachments.pathHelp')}
              placeholder="\\servidor\arteinpe\adjuntos"
              required
              autoComplete="off"
              value={folder}
              error={fieldError}
              onChange={(e) => setFolder(e.currentTarget.value)}
            />
          )}
          {placement && placement.kind !== 'sameHost' && (
            <Alert role="note" color="yellow" icon={<IconServer size={18} />}>
              <Text size="sm">{t(`office.attachments.warnings.${placement.kind}`, placement)}</Text>
            </Alert>
          )}
          {error && (
            <Alert role="alert" color="red" icon={<IconAlertTriangle size={18} />}>
              {error}
            </Alert>
          )}
          {saved && (
            <Alert role="status" color="green" icon={<IconCircleCheck size={18} />}>
              {saved}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('office.attachments.inUse', { place: loaded.folder ?? t('office.attachments.database') })}
            </Text>
            <Button type="submit" variant="light" leftSection={<IconDeviceFloppy size={16} />} loading={busy}>
              {t('office.attachments.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
