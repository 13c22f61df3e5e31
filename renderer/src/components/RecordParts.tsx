import { ActionIcon, Anchor, Button, Center, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDots, IconEdit, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from './ErrorState';
import { MenuOnReach } from './MenuOnReach';
import { RowAction, type RowActionProps } from './RowAction';
import { useBuiltOnOpen } from './MountOnOpen';

/* Pieces of a record's drawer or page: the drawer itself, its heading, its "label: value" fields and its buttons. */

/** A label and its value in a record ("—" when there is none); `span`: across the whole grid. */
export function Field({ label, children, span }: { label: string; children: ReactNode; span?: boolean }) {
  return (
    <Stack gap={0} style={span ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </Stack>
  );
}

/** "Editar", the button that opens a record's form. */
export function EditButton({ onClick, label }: { onClick: () => void; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button variant="default" leftSection={<IconEdit size={16} />} onClick={onClick}>
      {label ?? t('common.edit')}
    </Button>
  );
}

/** The link back to a record's list, above its page. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {label}
      </Group>
    </Anchor>
  );
}

// A row's icon button lives in its own module (tests draw it without the rest); its old address stays.
export { RowAction };

/**
 * A row's menu of further actions (`children`: its Menu.Item's) behind a "…" button, built when
 * first opened (MenuOnReach): a list page would otherwise set one up in every row on every visit.
 */
export function RowMenu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <MenuOnReach
      position="bottom-end"
      withinPortal
      target={
        <ActionIcon variant="subtle" aria-label={label}>
          <IconDots size={16} />
        </ActionIcon>
      }
    >
      {children}
    </MenuOnReach>
  );
}

/** The red bin of a row, that takes it out of its list or deletes it. */
export function RemoveAction({ size = 16, ...props }: Omit<RowActionProps, 'color' | 'children'> & { size?: number }) {
  return (
    <RowAction color="red" {...props}>
      <IconTrash size={size} />
    </RowAction>
  );
}

/** Deactivates an active row (an orange pause) or reactivates an inactive one (a green play), named `labels` says. */
export function ActiveToggleAction({
  active,
  labels,
  name,
  onClick,
}: {
  active: boolean;
  labels: { deactivate: string; reactivate: string };
  name: string;
  onClick: () => void;
}) {
  return (
    <RowAction label={active ? labels.deactivate : labels.reactivate} name={name} color={active ? 'orange' : 'teal'} onClick={onClick}>
      {active ? <IconPlayerPause size={18} /> : <IconPlayerPlay size={18} />}
    </RowAction>
  );
}

/** The heading of a record in its drawer: its name, what is under it, and the actions at the right. */
export function RecordHeading({ title, children, actions }: { title: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
      <Stack gap={2}>
        <Title order={3}>{title}</Title>
        {children}
      </Stack>
      <Group gap="xs">{actions}</Group>
    </Group>
  );
}

/** The record a drawer shows: the one asked for, and the last one while the drawer slides closed (`null` before any). */
export function useShownId(id: number | null) {
  const [shownId, setShownId] = useState(id);
  if (id !== null && id !== shownId) setShownId(id);
  return shownId;
}

/**
 * A record's drawer at the right of its list, below the dialogs it opens (edit, movement):
 * what went wrong when the record cannot be read, a loader until it is, then `children`
 * with the record. `query`: the record's useApiQuery.
 */
export function RecordDrawer<D>({
  opened,
  onClose,
  size,
  title,
  query,
  record,
  children,
  footer,
}: {
  opened: boolean;
  onClose: () => void;
  size: number;
  title: string;
  query: { isError: boolean; error: Error | null; refetch: () => unknown };
  /** The record, once read. */
  record: D | undefined;
  children: (record: D) => ReactNode;
  /** What the drawer holds besides the record (its dialogs). */
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const drawer = useBuiltOnOpen(opened); // not built while a list page opens with it closed
  if (!drawer.built) return null;
  return (
    <Drawer
      opened={drawer.opened}
      onClose={onClose}
      position="right"
      size={size}
      zIndex={190}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : record === undefined ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : (
        children(record)
      )}
      {footer}
    </Drawer>
  );
}
