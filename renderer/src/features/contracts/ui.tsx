import { ActionIcon, Badge, Button, Group, Tooltip, type MantineColor } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/format';
import { formatUsd } from '../../../../shared/contracts/format';
import type { ContractStatus } from '../../../../shared/contracts/rules';
import type { AttachedDocument, Authorisation } from '../../../../shared/contracts/schemas';
import type { ExportResult } from '../../../../shared/ipc';
import { whole } from '../../components/badges';
import { DocumentsPanel as GenericDocumentsPanel } from '../../components/DocumentsPanel';
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

/**
 * Attached documents of a teacher or a contract: choose a kind, attach a PDF or an image, keep a
 * copy of one where the user wants it, remove a link (the file stays in the managed folder).
 */
export function DocumentsPanel(
  props: Omit<Parameters<typeof GenericDocumentsPanel>[0], 'title' | 'kindLabel'> & {
    documents: AttachedDocument[];
    onCopy: (hash: string) => Promise<ExportResult>;
  },
) {
  const { t } = useTranslation();
  return <GenericDocumentsPanel {...props} title={t('contracts.documents.title')} kindLabel={(k) => t(`contracts.documentKinds.${k}`)} />;
}
