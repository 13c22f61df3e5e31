import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconFileCertificate, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { consentedArtist, namingModes, type NamingMode } from '../../../../shared/internarte/rules';
import { ConsentRecord, type Artwork, type ConsentEntry } from '../../../../shared/internarte/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';
import { schemaValidator } from '../../forms';
import { useCan } from '../../components/session';
import { LedgerTable } from './LedgerTable';
import { uploadOf } from './ui';

const uses = ['mayExhibit', 'mayCatalog', 'mayPhotograph', 'maySell'] as const;

/**
 * What the artist allowed for this work, and its history: every change is a new entry,
 * the latest decides; "Revocar" adds an entry that allows nothing. Granting anything
 * needs the signed document attached.
 */
export function ConsentPanel({ artwork }: { artwork: Artwork }) {
  const { t } = useTranslation();
  const history = useApiQuery('artworks.consents', { id: artwork.id });
  const canRecord = useCan('artworks.recordConsent');
  const [recordOpen, setRecordOpen] = useState(false);
  const [revokeOpen, setRevokeOpen] = useState(false);
  const c = artwork.consent;
  const yesNo = (v: boolean) => (
    <Badge color={v ? 'teal' : 'gray'} variant="light" tt="none">
      {t(v ? 'internarte.consent.yes' : 'internarte.consent.no')}
    </Badge>
  );

  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('internarte.consent.current')}</Title>
          {canRecord && (
            <Group gap="xs">
              {c.recorded && (c.mayExhibit || c.mayCatalog || c.mayPhotograph || c.maySell || c.naming !== 'anonimo') && (
                <Button color="red" variant="light" onClick={() => setRevokeOpen(true)}>
                  {t('internarte.consent.revoke')}
                </Button>
              )}
              <Button leftSection={<IconFileCertificate size={16} />} onClick={() => setRecordOpen(true)}>
                {t('internarte.consent.record')}
              </Button>
            </Group>
          )}
        </Group>
        {!c.recorded ? (
          <Alert color="orange">{t('internarte.consent.none')}</Alert>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <div>
              <Text size="xs" c="dimmed">
                {t('internarte.consent.fields.naming')}
              </Text>
              <Text size="sm" data-testid="consent-naming">
                {t(`internarte.namingModes.${c.naming}`)}
                {c.naming === 'seudonimo' && c.pseudonym ? `: ${c.pseudonym}` : ''}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('internarte.consent.fields.date')}
              </Text>
              <Text size="sm">{formatDate(c.date)}</Text>
            </div>
            <div />
            {uses.map((u) => (
              <Group key={u} gap="xs" wrap="nowrap">
                {yesNo(c[u])}
                <Text size="sm">{t(`internarte.consent.fields.${u}`)}</Text>
              </Group>
            ))}
          </SimpleGrid>
        )}
      </Card>
      <Card withBorder>
        <Title order={5} mb="xs">
          {t('internarte.consent.history')}
        </Title>
        <LedgerTable
          striped
          scrollMinWidth={700}
          entries={history.data ?? []}
          rowTestId="consent-entry"
          recordedBy={t('internarte.consent.fields.recordedBy')}
          columns={[
            { title: t('internarte.consent.fields.date'), cell: (h) => formatDate(h.date) },
            {
              title: t('internarte.consent.fields.naming'),
              cell: (h) => (
                <>
                  {h.revocation ? (
                    <Badge color="red" variant="light" tt="none">
                      {t('internarte.consent.revocation')}
                    </Badge>
                  ) : (
                    <>
                      {t(`internarte.namingModes.${h.naming}`)}
                      {h.pseudonym ? `: ${h.pseudonym}` : ''}
                    </>
                  )}
                  {h.notes && (
                    <Text size="xs" c="dimmed">
                      {h.notes}
                    </Text>
                  )}
                </>
              ),
            },
            ...uses.map((u) => ({
              title: t(
                `internarte.artworks.consentBadges.${u === 'mayExhibit' ? 'exhibit' : u === 'mayCatalog' ? 'catalog' : u === 'mayPhotograph' ? 'photo' : 'sale'}`,
              ),
              cell: (h: ConsentEntry) => t(h[u] ? 'internarte.consent.yes' : 'internarte.consent.no'),
            })),
            {
              title: t('internarte.consent.fields.document'),
              cell: (h) => h.documentName ?? (h.hasDocument ? t('internarte.consent.documentReserved') : '—'),
            },
          ]}
        />
        {history.data?.length === 0 && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('internarte.consent.none')}
          </Text>
        )}
      </Card>
      <ConsentModal opened={recordOpen} onClose={() => setRecordOpen(false)} artwork={artwork} />
      <RevokeModal opened={revokeOpen} onClose={() => setRevokeOpen(false)} artworkId={artwork.id} />
    </Stack>
  );
}

interface Values {
  date: string | null;
  naming: NamingMode;
  pseudonym: string;
  mayExhibit: boolean;
  mayCatalog: boolean;
  mayPhotograph: boolean;
  maySell: boolean;
  notes: string;
}

function ConsentModal({ opened, onClose, artwork }: { opened: boolean; onClose: () => void; artwork: Artwork }) {
  const { t } = useTranslation();
  const record = useApiMutation('artworks.recordConsent');
  const validate = schemaValidator(ConsentRecord, t);
  const [file, setFile] = useState<File | null>(null);
  // Reset only when the dialog opens, never on a background refetch of the artwork.
  const { form, formError, setFormError, saved } = useRecordForm<Values>({
    opened,
    values: () => ({
      date: todayIso(),
      naming: artwork.consent.recorded ? artwork.consent.naming : 'nombre_completo',
      pseudonym: artwork.consent.pseudonym ?? '',
      mayExhibit: artwork.consent.mayExhibit,
      mayCatalog: artwork.consent.mayCatalog,
      mayPhotograph: artwork.consent.mayPhotograph,
      maySell: artwork.consent.maySell,
      notes: '',
    }),
    onOpen: () => setFile(null),
  });
  const v = form.values;

  const preview = artwork.artistName
    ? (consentedArtist(artwork.artistName, { ...v, pseudonym: v.pseudonym || null }) ?? t('internarte.anonymous'))
    : null;

  // The signed document is read first: the shared schema checks it with the rest.
  const send = async () => {
    setFormError(null);
    const document = file ? await uploadOf(file) : null;
    const input = {
      artworkId: artwork.id,
      date: v.date ?? '',
      naming: v.naming,
      pseudonym: v.pseudonym,
      mayExhibit: v.mayExhibit,
      mayCatalog: v.mayCatalog,
      mayPhotograph: v.mayPhotograph,
      maySell: v.maySell,
      notes: v.notes,
      document,
    };
    const local = validate(input);
    form.setErrors(local);
    if (Object.keys(local).length > 0) return;
    record.mutate(input, saved(t('internarte.consent.recorded'), onClose));
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size={640}
      title={t('internarte.consent.record')}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      error={formError}
      saving={record.isPending}
      gap="sm"
    >
      <SimpleGrid cols={2}>
        <DateField required label={t('internarte.consent.fields.date')} {...form.getInputProps('date')} />
        <Select
          required
          label={t('internarte.consent.fields.naming')}
          data={namingModes.map((n) => ({ value: n, label: t(`internarte.namingModes.${n}`) }))}
          {...form.getInputProps('naming')}
          onChange={(x) => form.setFieldValue('naming', (x ?? 'anonimo') as NamingMode)}
        />
      </SimpleGrid>
      {v.naming === 'seudonimo' && (
        <TextInput required label={t('internarte.consent.fields.pseudonym')} {...form.getInputProps('pseudonym')} />
      )}
      {preview && (
        <Text size="sm" c="dimmed" data-testid="consent-preview">
          {t('internarte.consent.shownAs', { label: preview })}
        </Text>
      )}
      {uses.map((u) => (
        <Checkbox key={u} label={t(`internarte.consent.fields.${u}`)} {...form.getInputProps(u, { type: 'checkbox' })} />
      ))}
      <Stack gap={4}>
        <Group gap="sm">
          <FileButton onChange={setFile} accept="application/pdf,image/jpeg,image/png,image/webp,image/tiff">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconPaperclip size={16} />}>
                {t('internarte.consent.chooseDocument')}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c={file ? undefined : 'dimmed'}>
            {file ? t('internarte.consent.documentChosen', { name: file.name }) : t('internarte.consent.fields.document')}
          </Text>
        </Group>
        {form.errors.document && (
          <Text size="sm" c="red" role="alert">
            {form.errors.document}
          </Text>
        )}
      </Stack>
      <Textarea label={t('internarte.consent.fields.notes')} autosize minRows={1} {...form.getInputProps('notes')} />
    </FormModal>
  );
}

function RevokeModal({ opened, onClose, artworkId }: { opened: boolean; onClose: () => void; artworkId: number }) {
  const { t } = useTranslation();
  const revoke = useApiMutation('artworks.revokeConsent');
  // Reset only when the dialog opens.
  const { form, formError, saved } = useRecordForm({
    opened,
    values: () => ({ date: todayIso() as string | null, notes: '' }),
    sentenceWithFields: false,
  });
  const submit = form.onSubmit((v) =>
    revoke.mutate({ artworkId, date: v.date ?? '', notes: v.notes }, saved(t('internarte.consent.revoked'), onClose)),
  );
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('internarte.consent.revokeTitle')}
      onSubmit={submit}
      error={formError}
      saving={revoke.isPending}
      saveLabel={t('internarte.consent.revoke')}
      saveColor="red"
      gap="sm"
      header={<Alert color="orange">{t('internarte.consent.revokeText')}</Alert>}
    >
      <DateField required label={t('internarte.consent.fields.date')} {...form.getInputProps('date')} />
      <Textarea label={t('internarte.consent.fields.reason')} autosize minRows={2} {...form.getInputProps('notes')} />
    </FormModal>
  );
}
