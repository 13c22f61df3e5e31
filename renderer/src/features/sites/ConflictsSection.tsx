import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconGitCompare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { SiteConflict, SiteConflictResolved } from '../../../../shared/sites/schemas';
import { useApiQuery } from '../../api';
import { buttonColumn } from '../../components/buttonColumn';
import { EmptyState } from '../../components/EmptyState';
import { PlainTable } from '../../components/PlainTable';
import { ResolveConflictModal } from './ResolveConflictModal';

/**
 * «Conflictos» on «Sedes» at the centre (the administrador; issue 20, decision 8): the records
 * changed here and at a site since they last met, with a badge of how many are open; each opens
 * ResolveConflictModal. After a decision, a note says it travels to the site with its next
 * package. The last resolved ones are listed below, with who decided what.
 */
export function ConflictsSection() {
  const { t } = useTranslation();
  const conflicts = useApiQuery('sites.conflicts', {});
  const [openId, setOpenId] = useState<number | null>(null);
  const [resolved, setResolved] = useState<SiteConflictResolved | null>(null);
  const open = conflicts.data?.open ?? [];
  const done = conflicts.data?.resolved ?? [];
  // The list refreshes underneath; the modal follows the conflict by its id.
  const opened = open.find((c) => c.id === openId) ?? null;

  return (
    <Card withBorder padding="sm" component="section" aria-label={t('sites.conflicts.screen.title')}>
      <Stack gap="xs">
        <Group gap="xs">
          <IconGitCompare size={18} />
          <Title order={4}>{t('sites.conflicts.screen.title')}</Title>
          {open.length > 0 && (
            <Badge color="orange" data-testid="conflicts-badge">
              {t('sites.conflicts.screen.openBadge', { count: open.length })}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('sites.conflicts.screen.help')}
        </Text>
        {conflicts.isError && (
          <Alert color="red" role="alert">
            {conflicts.error.message}
          </Alert>
        )}
        {resolved && (
          <Alert
            color="green"
            variant="light"
            icon={<IconCheck size={18} />}
            withCloseButton
            onClose={() => setResolved(null)}
            role="status"
          >
            {t('sites.conflicts.screen.resolvedNote', { establishment: resolved.establishmentName })}
          </Alert>
        )}
        <PlainTable<SiteConflict>
          highlightOnHover={false}
          emptyHeight={160}
          records={open}
          fetching={conflicts.isFetching && !conflicts.data}
          aria-label={t('sites.conflicts.screen.title')}
          columns={[
            { accessor: 'establishmentName', title: t('sites.conflicts.screen.columns.establishment') },
            {
              accessor: 'record',
              title: t('sites.conflicts.screen.columns.record'),
              render: (c) => (
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {c.what}
                  </Text>
                  <Text size="sm">{c.record}</Text>
                </Stack>
              ),
            },
            {
              accessor: 'fields',
              title: t('sites.conflicts.screen.columns.fields'),
              render: (c) => c.fields.map((f) => f.label).join(', '),
            },
            { accessor: 'detectedAt', title: t('sites.conflicts.screen.columns.detected'), render: (c) => formatDate(c.detectedAt) },
            {
              accessor: 'packageSeq',
              title: t('sites.conflicts.screen.columns.package'),
              render: (c) => t('sites.conflicts.screen.packageNumber', { seq: c.packageSeq }),
            },
            buttonColumn((c) => ({
              'aria-label': t('sites.conflicts.screen.openLabel', { record: c.record || c.what }),
              onClick: () => {
                setResolved(null);
                setOpenId(c.id);
              },
              children: t('sites.conflicts.screen.open'),
            })),
          ]}
          emptyState={
            open.length === 0 ? (
              <EmptyState title={t('sites.conflicts.screen.empty')} text={t('sites.conflicts.screen.emptyText')} />
            ) : (
              <span />
            )
          }
        />
        {done.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('sites.conflicts.screen.resolvedTitle')}
            </Text>
            {done.slice(0, 5).map((c) => (
              <Text size="xs" c="dimmed" key={c.id}>
                {c.establishmentName} · {c.what}: {c.record} —{' '}
                {t('sites.conflicts.screen.resolvedBy', {
                  choice: c.choice ? t(`sites.conflicts.screen.choices.${c.choice}`) : '',
                  by: c.resolvedBy ?? '',
                  date: formatDate(c.resolvedAt),
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      <ResolveConflictModal
        conflict={opened}
        onClose={() => setOpenId(null)}
        onResolved={(r) => {
          setOpenId(null);
          setResolved(r);
        }}
      />
    </Card>
  );
}
