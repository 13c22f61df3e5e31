import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  ThemeIcon,
  Tooltip,
  type MantineColor,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconBarcode,
  IconCircleCheck,
  IconFileTypePdf,
  IconHelpCircle,
  IconLock,
  IconMapPinQuestion,
  IconRepeat,
  IconTrash,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { conditions } from '../../../../shared/instruments/rules';
import type { StocktakeLine } from '../../../../shared/instruments/stocktake-schemas';
import { ApiCallError, call, useApiMutation, useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useSaveFile } from '../../components/files';
import { CloseStocktakeModal } from './CloseStocktakeModal';
import { registeredWhere, StocktakeStatusBadge } from './ui';
import { useCan } from '../auth/session';

type Result = 'found' | 'elsewhere' | 'unknown' | 'repeated';

interface FeedEntry {
  key: number;
  result: Result | 'removed' | 'error';
  text: string;
  detail: string;
}

const resultStyle: Record<FeedEntry['result'], { color: MantineColor; icon: ReactNode }> = {
  found: { color: 'green', icon: <IconCircleCheck size={18} /> },
  elsewhere: { color: 'orange', icon: <IconMapPinQuestion size={18} /> },
  unknown: { color: 'red', icon: <IconHelpCircle size={18} /> },
  repeated: { color: 'gray', icon: <IconRepeat size={18} /> },
  removed: { color: 'gray', icon: <IconTrash size={18} /> },
  error: { color: 'red', icon: <IconAlertTriangle size={18} /> },
};

const describe = (line: StocktakeLine, t: TFunction) =>
  [
    [line.typeName, line.brand].filter(Boolean).join(' '),
    line.countedCondition ? `${t('inventory.stocktake.countedCondition')}: ${t(`inventory.conditions.${line.countedCondition}`)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');

/** An element that takes typing or choosing: clicks there keep their own focus. */
const isEditable = (el: Element | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.getAttribute('role') === 'combobox');

/**
 * The count screen. A keyboard-wedge scanner types the code and Enter into a field that
 * keeps the focus; each code is counted by main and answered in the feed; the four lists
 * come from main after every count, so an interrupted count continues where it was.
 */
export function StocktakeCountPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const stocktakeId = Number(id);
  const valid = Number.isInteger(stocktakeId) && stocktakeId > 0;
  const detail = useApiQuery('stocktakes.get', { id: valid ? stocktakeId : 1 }, { enabled: valid });
  const client = useQueryClient();
  const uncount = useApiMutation('stocktakes.uncount');
  const saveFile = useSaveFile();

  const inputRef = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const feedKey = useRef(0);
  const [code, setCode] = useState('');
  const [condition, setCondition] = useState<string>('same');
  const [error, setError] = useState<string | null>(null);
  const [feed, setFeed] = useState<FeedEntry[]>([]);
  const [tab, setTab] = useState<string | null>('found');
  const [closing, setClosing] = useState(false);
  const [actaBusy, setActaBusy] = useState(false);

  // Counting, uncounting and closing are for the roles that may (the read-only role sees the result).
  const canCount = useCan('stocktakes.count');
  const canActa = useCan('stocktakes.acta');
  const isOpen = detail.data?.stocktake.status === 'abierto' && canCount;

  /** Back to the code field, unless a dialog is open or (unless forced) the clerk is in another field. */
  const refocus = useCallback((force = false) => {
    window.setTimeout(() => {
      const input = inputRef.current;
      if (!input || document.querySelector('[role="dialog"]')) return;
      if (!force && document.activeElement !== input && isEditable(document.activeElement)) return;
      input.focus();
    }, 0);
  }, []);

  // Focus on arrival, when the detail has loaded.
  useEffect(() => {
    if (isOpen) inputRef.current?.focus();
  }, [isOpen]);

  // A scanner that types while the focus is elsewhere on the page (a tab, a button) still reaches the field.
  useEffect(() => {
    if (!isOpen) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const input = inputRef.current;
      if (!input || e.ctrlKey || e.altKey || e.metaKey || e.key.length !== 1) return;
      if (document.activeElement === input || isEditable(document.activeElement)) return;
      if (document.querySelector('[role="dialog"]')) return;
      input.focus();
    };
    const onWindowFocus = () => refocus();
    document.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('focus', onWindowFocus);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('focus', onWindowFocus);
    };
  }, [isOpen, refocus]);

  const push = (entry: Omit<FeedEntry, 'key'>) => setFeed((f) => [{ ...entry, key: ++feedKey.current }, ...f].slice(0, 200));

  const submit = () => {
    const typed = code.trim();
    if (!typed) return;
    const observed = condition === 'same' ? null : (condition as (typeof conditions)[number]);
    setCode('');
    setCondition('same');
    setError(null);
    refocus();
    // One code after another, in the order scanned, even when the scanner is faster than main.
    queue.current = queue.current.then(async () => {
      try {
        const r = await call('stocktakes.count', { id: stocktakeId, code: typed, condition: observed });
        const c = r.line.code;
        const text =
          r.result === 'found'
            ? t('inventory.stocktake.resultFound', { code: c })
            : r.result === 'elsewhere'
              ? t('inventory.stocktake.resultElsewhere', { code: c, where: registeredWhere(r.line, t) })
              : r.result === 'unknown'
                ? t('inventory.stocktake.resultUnknown', { code: c })
                : t('inventory.stocktake.resultRepeated', { code: c });
        push({ result: r.result, text, detail: describe(r.line, t) });
      } catch (err) {
        const message =
          err instanceof ApiCallError ? (err.error.fields.code ?? err.error.message) : err instanceof Error ? err.message : t('app.unexpected');
        setError(message);
        push({ result: 'error', text: `${typed.toUpperCase()}: ${message}`, detail: '' });
      } finally {
        await client.invalidateQueries();
      }
    });
  };

  const remove = (line: StocktakeLine) =>
    uncount.mutate(
      { id: stocktakeId, code: line.code },
      {
        onSuccess: () => {
          push({ result: 'removed', text: t('inventory.stocktake.removed', { code: line.code }), detail: describe(line, t) });
          refocus();
        },
        onError: (err) => notifications.show({ color: 'red', message: err.message }),
      },
    );

  const acta = async () => {
    setActaBusy(true);
    try {
      await saveFile(() => call('stocktakes.acta', { id: stocktakeId }));
    } catch {
      // Already shown.
    } finally {
      setActaBusy(false);
      refocus();
    }
  };

  if (!valid) return <ErrorState error={new Error(t('errors.notFound'))} />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) {
    return (
      <Center p="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  const d = detail.data;
  const s = d.stocktake;
  const foundPct = d.expected ? (d.found.length / d.expected) * 100 : 0;

  return (
    <>
      <Anchor component={Link} to={routes.stocktakes} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {t('inventory.stocktake.backToList')}
      </Anchor>
      <PageHeader
        title={s.establishmentName}
        subtitle={`${t('inventory.stocktake.title')} · ${t('inventory.stocktake.openedAtBy', { date: formatDateTime(s.openedAt), user: s.openedBy })}`}
        actions={
          <>
            <StocktakeStatusBadge status={s.status} />
            {canActa && (
              <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={actaBusy} onClick={() => void acta()}>
                {t('inventory.stocktake.acta')}
              </Button>
            )}
            {isOpen && (
              <Button color="red" leftSection={<IconLock size={16} />} onClick={() => setClosing(true)}>
                {t('inventory.stocktake.close')}
              </Button>
            )}
          </>
        }
      />

      {detail.data?.stocktake.status === 'cerrado' && (
        <Alert color="gray" icon={<IconLock size={18} />} mb="md">
          {t('inventory.stocktake.closedInfo', { date: formatDate(s.closedAt), user: s.closedBy ?? '', acta: s.actaNumber ?? '' })}
        </Alert>
      )}

      <Box onClick={isOpen ? () => refocus() : undefined}>
        <Grid gap="md" align="stretch">
          {isOpen && (
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Card withBorder padding="md" h="100%">
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    submit();
                  }}
                  noValidate
                >
                  <Group align="flex-start" gap="sm" wrap="nowrap">
                    <TextInput
                      ref={inputRef}
                      autoFocus
                      size="lg"
                      style={{ flex: 1 }}
                      label={t('inventory.stocktake.scanLabel')}
                      description={t('inventory.stocktake.scanHint')}
                      leftSection={<IconBarcode size={28} />}
                      leftSectionWidth={56}
                      styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.04em', height: 64, fontSize: 28 } }}
                      value={code}
                      onChange={(e) => {
                        setCode(e.currentTarget.value);
                        if (error) setError(null);
                      }}
                      error={error}
                      autoComplete="off"
                      spellCheck={false}
                      data-testid="scan-input"
                    />
                    <Select
                      size="lg"
                      w={220}
                      styles={{ input: { height: 64 } }}
                      label={t('inventory.stocktake.countedCondition')}
                      description={' '}
                      data={[
                        { value: 'same', label: t('inventory.stocktake.sameCondition') },
                        ...conditions.map((c) => ({ value: c, label: t(`inventory.conditions.${c}`) })),
                      ]}
                      value={condition}
                      onChange={(v) => {
                        setCondition(v ?? 'same');
                        refocus(true);
                      }}
                      allowDeselect={false}
                      comboboxProps={{ onClose: () => refocus() }}
                    />
                  </Group>
                  <Group justify="space-between" mt="sm">
                    <Text size="sm" c="dimmed">
                      {t('inventory.stocktake.progress', { found: d.found.length, expected: d.expected })}
                    </Text>
                    <Button type="submit" variant="light" leftSection={<IconBarcode size={16} />}>
                      {t('inventory.stocktake.countButton')}
                    </Button>
                  </Group>
                  <Progress value={foundPct} color="green" size="lg" mt="xs" aria-hidden />
                </form>
              </Card>
            </Grid.Col>
          )}
          {isOpen && (
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Card withBorder padding="md" h="100%">
                <Text fw={600} mb="xs">
                  {t('inventory.stocktake.feedTitle')}
                </Text>
                <ScrollArea h={170} type="auto">
                  <Stack gap={6} aria-live="polite" data-testid="scan-feed">
                    {feed.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('inventory.stocktake.feedEmpty')}
                      </Text>
                    )}
                    {feed.map((f) => (
                      <Group key={f.key} gap="xs" wrap="nowrap" align="flex-start" data-result={f.result}>
                        <ThemeIcon variant="light" color={resultStyle[f.result].color} size="md" radius="xl">
                          {resultStyle[f.result].icon}
                        </ThemeIcon>
                        <Stack gap={0}>
                          <Text size="sm" fw={600} c={`${resultStyle[f.result].color}.8`}>
                            {f.text}
                          </Text>
                          {f.detail && (
                            <Text size="xs" c="dimmed">
                              {f.detail}
                            </Text>
                          )}
                        </Stack>
                      </Group>
                    ))}
                  </Stack>
                </ScrollArea>
              </Card>
            </Grid.Col>
          )}
        </Grid>

        <Card withBorder padding="md" mt="md">
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              <ListTab value="found" color="green" label={t('inventory.stocktake.found')} count={d.found.length} />
              <ListTab value="missing" color="red" label={t('inventory.stocktake.missing')} count={d.missing.length} />
              <ListTab value="elsewhere" color="orange" label={t('inventory.stocktake.elsewhere')} count={d.elsewhere.length} />
              <ListTab value="unknown" color="red" label={t('inventory.stocktake.unknown')} count={d.unknown.length} />
            </Tabs.List>
            <Tabs.Panel value="found" pt="sm">
              <Lines lines={[...d.found].reverse()} kind="found" canRemove={isOpen} onRemove={remove} />
            </Tabs.Panel>
            <Tabs.Panel value="missing" pt="sm">
              <Lines lines={d.missing} kind="missing" canRemove={false} onRemove={remove} />
            </Tabs.Panel>
            <Tabs.Panel value="elsewhere" pt="sm">
              <Lines lines={[...d.elsewhere].reverse()} kind="elsewhere" canRemove={isOpen} onRemove={remove} />
            </Tabs.Panel>
            <Tabs.Panel value="unknown" pt="sm">
              <Lines lines={[...d.unknown].reverse()} kind="unknown" canRemove={isOpen} onRemove={remove} />
            </Tabs.Panel>
          </Tabs>
        </Card>
      </Box>

      <CloseStocktakeModal
        opened={closing}
        detail={d}
        onClose={() => {
          setClosing(false);
          refocus();
        }}
      />
    </>
  );
}

function ListTab({ value, label, count, color }: { value: string; label: string; count: number; color: MantineColor }) {
  return (
    <Tabs.Tab
      value={value}
      rightSection={
        <Badge size="sm" circle={count < 10} color={count ? color : 'gray'} variant={count ? 'filled' : 'light'}>
          {count}
        </Badge>
      }
    >
      {label}
    </Tabs.Tab>
  );
}

function Lines({
  lines,
  kind,
  canRemove,
  onRemove,
}: {
  lines: StocktakeLine[];
  kind: 'found' | 'missing' | 'elsewhere' | 'unknown';
  canRemove: boolean;
  onRemove: (line: StocktakeLine) => void;
}) {
  const { t } = useTranslation();
  if (lines.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md" ta="center">
        {t(`inventory.stocktake.${kind}Empty`)}
      </Text>
    );
  }
  const known = kind !== 'unknown';
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing={6} data-testid={`lines-${kind}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inventory.instruments.code')}</Table.Th>
            {known && <Table.Th>{t('inventory.instruments.type')}</Table.Th>}
            {known && <Table.Th>{t('inventory.instruments.brand')}</Table.Th>}
            {kind === 'elsewhere' && <Table.Th>{t('inventory.stocktake.registeredAt')}</Table.Th>}
            {known && <Table.Th>{t('inventory.instruments.condition')}</Table.Th>}
            {kind !== 'missing' && <Table.Th>{t('inventory.stocktake.countedAt')}</Table.Th>}
            {canRemove && <Table.Th w={60} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.code}>
              <Table.Td ff="monospace" fw={600}>
                {l.code}
              </Table.Td>
              {known && <Table.Td>{l.typeName}</Table.Td>}
              {known && <Table.Td>{l.brand}</Table.Td>}
              {kind === 'elsewhere' && <Table.Td>{registeredWhere(l, t)}</Table.Td>}
              {known && (
                <Table.Td>
                  {l.registeredCondition && t(`inventory.conditions.${l.registeredCondition}`)}
                  {l.countedCondition && l.countedCondition !== l.registeredCondition && (
                    <Text span c="orange.8" fw={600}>
                      {' → '}
                      {t(`inventory.conditions.${l.countedCondition}`)}
                    </Text>
                  )}
                </Table.Td>
              )}
              {kind !== 'missing' && <Table.Td>{formatDateTime(l.countedAt)}</Table.Td>}
              {canRemove && (
                <Table.Td ta="right">
                  <Tooltip label={t('inventory.stocktake.uncount')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('inventory.stocktake.uncount')}: ${l.code}`}
                      onClick={() => onRemove(l)}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
