import { Button, FileButton, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconDeviceFloppy, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import type { ExportResult } from '../../../shared/ipc';
import type { ApiCallError } from '../api';
import { toBase64, useSaveFile } from './files';
import { RemoveAction, RowAction } from './RecordParts';
import { RowsTable } from './RowsTable';

/**
 * A record's attached documents (a teacher's or a contract's, a record's signed papers):
 * attach a scanned PDF or a photo (of one of `kinds`, when the record files several), keep a
 * copy where the user wants it, remove a link (the file stays in the managed folder). The
 * caller names the documents and says what each action calls.
 */

export interface ListedDocument {
  hash: string;
  kind: string;
  originalName: string;
  sizeBytes: number;
  addedAt: string;
  addedBy: string;
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function DocumentsPanel({
  title,
  documents,
  kinds = [],
  defaultKind = '',
  kindLabel,
  onAdd,
  onRemove,
  onCopy,
  readOnly = false,
  canCopy = true,
}: {
  title: string;
  documents: ListedDocument[];
  /** The kinds the user chooses from; none: the record decides the kind. */
  kinds?: readonly string[];
  defaultKind?: string;
  kindLabel: (kind: string) => string;
  onAdd: (file: { fileName: string; dataBase64: string; kind: string }) => Promise<unknown>;
  onRemove: (hash: string) => Promise<unknown>;
  /** A copy as a file; null when the user cancelled (e.g. a reason not given). */
  onCopy: (hash: string) => Promise<ExportResult | null>;
  readOnly?: boolean;
  canCopy?: boolean;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>(defaultKind);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const saveFile = useSaveFile();

  const add = async (files: File[]) => {
    setBusy(true);
    const failed: string[] = [];
    for (const file of files) {
      try {
        await onAdd({ fileName: file.name, dataBase64: await toBase64(file), kind });
      } catch (err) {
        failed.push((err as ApiCallError).message ?? String(err));
      }
    }
    setErrors(failed);
    setBusy(false);
  };

  const copy = async (hash: string) => {
    const result = await onCopy(hash);
    return result ?? ({ status: 'cancelled' } as const);
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap" display={readOnly ? 'none' : undefined}>
          {kinds.length > 0 && (
            <Select
              size="xs"
              aria-label={t('common.papers.kind')}
              data={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
              value={kind}
              onChange={(v) => setKind(v ?? defaultKind)}
              allowDeselect={false}
              w={200}
            />
          )}
          <FileButton
            onChange={(files) => void add(files)}
            accept="application/pdf,image/jpeg,image/png,image/webp,image/tiff,image/gif"
            multiple
          >
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={busy} leftSection={<IconPaperclip size={14} />}>
                {t('common.papers.attach')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('common.papers.hint')}
      </Text>
      {errors.map((e) => (
        <Text key={e} c="red" size="sm" role="alert">
          {e}
        </Text>
      ))}
      {documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('common.papers.none')}
        </Text>
      ) : (
        <RowsTable
          verticalSpacing={4}
          data-testid="documents"
          records={documents}
          row={(d) => (
            <Table.Tr key={d.hash}>
              <Table.Td>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {d.originalName}
                </Text>
                <Text size="xs" c="dimmed">
                  {kindLabel(d.kind)} · {sizeText(d.sizeBytes)} ·{' '}
                  {t('common.papers.addedBy', { user: d.addedBy, date: formatDateTime(d.addedAt) })}
                </Text>
              </Table.Td>
              <Table.Td w={80}>
                <Group gap={2} justify="flex-end" wrap="nowrap">
                  {canCopy && (
                    <RowAction
                      label={t('common.papers.saveCopy')}
                      name={d.originalName}
                      onClick={() => void saveFile(() => copy(d.hash)).catch(() => undefined)}
                    >
                      <IconDeviceFloppy size={16} />
                    </RowAction>
                  )}
                  <RemoveAction
                    label={t('common.papers.remove')}
                    name={d.originalName}
                    hidden={readOnly}
                    onClick={() => void onRemove(d.hash).catch(() => undefined)}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
    </Stack>
  );
}
