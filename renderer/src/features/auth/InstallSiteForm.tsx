import { Button, FileInput, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowLeft, IconFileCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteInstalled } from '../../../../shared/sites/schemas';
import { ApiCallError, call } from '../../api';
import { toBase64 } from '../../components/files';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { useRecordForm } from '../../components/useRecordForm';

interface Values {
  file: File | null;
  passphrase: string;
}

/**
 * The first run's «Instalar como sede» (docs/SITES.md decision 1): the enrolment package the
 * centre saved (read as base64, as the import wizard reads a spreadsheet) and the passphrase it
 * read out, typed in any case, with spaces or dashes. Main refuses anything but a new database;
 * a wrong passphrase comes back beside its field, a damaged file or one that is none above the
 * fields. Loaded on demand with every text (FirstRunPage), so the sign-in screen does not carry it.
 */
export function InstallSiteForm({ onBack, onInstalled }: { onBack: () => void; onInstalled: (r: SiteInstalled) => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const { form, formError, setFormError, onError } = useRecordForm<Values>({
    opened: true,
    values: () => ({ file: null, passphrase: '' }),
    validate: (v) => ({
      ...(v.file ? {} : { file: t('sites.install.fileRequired') }),
      ...(v.passphrase.trim() ? {} : { passphrase: t('errors.required') }),
    }),
    // The file's own limits (too large, not base64) are the file's.
    fieldNames: { dataBase64: 'file', fileName: 'file' },
    sentenceWithFields: false,
  });

  const submit = form.onSubmit(async ({ file, passphrase }) => {
    if (!file) return;
    setFormError(null);
    setBusy(true);
    try {
      const result = await call('sites.install', { fileName: file.name, dataBase64: await toBase64(file), passphrase });
      await onInstalled(result);
    } catch (err) {
      if (err instanceof ApiCallError) onError(err);
      else setFormError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('sites.install.intro')}</Text>
        <FormErrorAlert error={formError} />
        <FileInput
          required
          clearable
          label={t('sites.install.file')}
          placeholder={t('sites.install.filePlaceholder')}
          accept=".arteinpe-alta"
          leftSection={<IconFileCertificate size={16} />}
          disabled={busy}
          {...form.getInputProps('file')}
        />
        <TextInput
          required
          label={t('sites.install.passphrase')}
          description={t('sites.install.passphraseHint')}
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
          disabled={busy}
          {...form.getInputProps('passphrase')}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('sites.install.submit')}
        </Button>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} disabled={busy}>
          {t('sites.install.back')}
        </Button>
      </Stack>
    </form>
  );
}
