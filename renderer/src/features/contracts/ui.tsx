import { ActionIcon, Badge, Button, FileButton, Group, Select, Stack, Table, Text, Tooltip, type MantineColor } from '@mantine/core';
import { IconDeviceFloppy, IconPaperclip, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type Locale } from '../../../../shared/format';
import { formatUsd } from '../../../../shared/contracts/format';
import type { ContractStatus } from '../../../../shared/contracts/rules';
import type { AttachedDocument, Authorisation } from '../../../../shared/contracts/schemas';
import type { ExportResult } from '../../../../shared/ipc';
import { whole } from '../../components/badges';
import { type ApiCallError } from '../../api';
import { toBase64, useSaveFile } from '../../components/files';
import { RemoveAction, RowAction } from '../../components/RecordParts';
import { CellBadge } from '../../components/cells';

export const useUsd = () => {
  const { i18n } = useTranslation();
  return (cents: number) => formatUsd(cents, i18n.language as Locale);
};

const statusColors: Record<ContractStatus, MantineColor> = {
  borrador: 'gray',
  vigente: 'teal',
  por_vencer: 'orange',
  vencido: 'red',
  resuelto: 'dark',
};

/**
 * The rows of a list inside a form (a contract's establishments, a teacher's suspensions):
 * each row's fields (`children`) with a red button that takes it out (not below `min` rows),
 * then the button that adds a `blank()` one.
 */
export function FormRows<T>({
  form,
  path,
  rows,
  min = 0,
  blank,
  removeLabel,
  addLabel,
  children,
}: {
  form: { removeListItem: (path: string, index: number) => void; insertListItem: (path: string, item: unknown) => void };
  path: string;
  rows: readonly T[];
  min?: number;
  blank: () => T;
  removeLabel: string;
  addLabel: string;
  children: (row: T, index: number) => ReactNode;
}) {
  return (
    <>
      {rows.map((row, i) => (
        <Group key={i} align="flex-start" gap="sm" wrap="nowrap">
          {children(row, i)}
          <Tooltip label={removeLabel}>
            <ActionIcon
              mt={26}
              variant="subtle"
              color="red"
              disabled={rows.length <= min}
              aria-label={removeLabel}
              onClick={() => form.removeListItem(path, i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem(path, blank())}>
          {addLabel}
        </Button>
      </Group>
    </>
  );
}

export function ContractStatusBadge({ status, size = 'md' }: { status: ContractStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <CellBadge
      color={statusColors[status]}
      variant={status === 'vigente' ? 'light' : status === 'borrador' ? 'outline' : 'filled'}
      size={size}
    >
      {t(`contracts.statuses.${status}`)}
    </CellBadge>
  );
}

const conformityColors: Record<string, MantineColor> = { pendiente_pago: 'yellow', pagada: 'teal', anulada: 'gray' };

export function ConformityStatusBadge({ status }: { status: 'pendiente_pago' | 'pagada' | 'anulada' }) {
  const { t } = useTranslation();
  return (
    <CellBadge color={conformityColors[status]} variant="light">
      {t(`contracts.conformityStatuses.${status}`)}
    </CellBadge>
  );
}

const authColors: Record<Authorisation['status'], MantineColor> = { vigente: 'teal', por_vencer: 'orange', vencida: 'red', futura: 'blue' };

export function AuthorisationBadge({ status }: { status: Authorisation['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={authColors[status]} variant="light" tt="none" styles={whole}>
      {t(`contracts.authorisationStatuses.${status}`)}
    </Badge>
  );
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Attached documents of a teacher or a contract: choose a kind, attach a PDF or an image, keep a
 * copy of one where the user wants it, remove a link (the file stays in the managed folder).
 */
export function DocumentsPanel({
  documents,
  kinds,
  defaultKind,
  onAdd,
  onRemove,
  onCopy,
  readOnly = false,
}: {
  readOnly?: boolean;
  documents: AttachedDocument[];
  kinds: readonly string[];
  defaultKind: string;
  onAdd: (file: { fileName: string; dataBase64: string; kind: string }) => Promise<unknown>;
  onRemove: (hash: string) => Promise<unknown>;
  onCopy: (hash: string) => Promise<ExportResult>;
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

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Text fw={600} size="sm">
          {t('contracts.documents.title')}
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap" display={readOnly ? 'none' : undefined}>
          <Select
            size="xs"
            aria-label={t('contracts.documents.kind')}
            data={kinds.map((k) => ({ value: k, label: t(`contracts.documentKinds.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(v ?? defaultKind)}
            allowDeselect={false}
            w={200}
          />
          <FileButton onChange={(files) => void add(files)} accept="application/pdf,image/jpeg,image/png,image/webp,image/tiff" multiple>
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={busy} leftSection={<IconPaperclip size={14} />}>
                {t('contracts.documents.add')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('contracts.documents.hint')}
      </Text>
      {errors.map((e) => (
        <Text key={e} c="red" size="sm" role="alert">
          {e}
        </Text>
      ))}
      {documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contracts.documents.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="documents">
          <Table.Tbody>
            {documents.map((d) => (
              <Table.Tr key={d.hash}>
                <Table.Td>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {d.originalName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`contracts.documentKinds.${d.kind}`)} · {sizeText(d.sizeBytes)} · {formatDateTime(d.addedAt)}
                  </Text>
                </Table.Td>
                <Table.Td w={80}>
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    <RowAction
                      label={t('contracts.documents.saveCopy')}
                      name={d.originalName}
                      onClick={() => void saveFile(() => onCopy(d.hash)).catch(() => undefined)}
                    >
                      <IconDeviceFloppy size={16} />
                    </RowAction>
                    <RemoveAction
                      label={t('contracts.documents.remove')}
                      name={d.originalName}
                      hidden={readOnly}
                      onClick={() => void onRemove(d.hash).catch(() => undefined)}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
