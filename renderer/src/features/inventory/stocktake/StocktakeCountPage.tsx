import { Alert, Anchor, Box, Button, Card, Center, Grid, Group, Loader, Progress, Select, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconBarcode, IconFileTypePdf, IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../../../../shared/format';
import { conditions } from '../../../../../shared/inventory/rules';
import type { StocktakeLine } from '../../../../../shared/inventory/stocktake-schemas';
import { ApiCallError, call, invalidateAfter, useApiMutation, useApiQuery } from '../../../api';
import { routes } from '../../../app/routes';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { useSaveFile } from '../../../components/files';
import { PapersPanel } from '../../../components/PapersPanel';
import { CloseStocktakeModal } from './CloseStocktakeModal';
import { ScanFeed, type FeedEntry } from './ScanFeed';
import { StocktakeLists } from './StocktakeLists';
import { registeredWhere, StocktakeStatusBadge } from './ui';
import { useCan } from '../../../components/session';

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
          err instanceof ApiCallError
            ? (err.error.fields.code ?? err.error.message)
            : err instanceof Error
              ? err.message
              : t('app.unexpected');
        setError(message);
        push({ result: 'error', text: `${typed.toUpperCase()}: ${message}`, detail: '' });
      } finally {
        // The count's lists (and whatever else a count may change), as main has them now.
        await invalidateAfter(client, 'stocktakes.count');
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
              <ScanFeed feed={feed} />
            </Grid.Col>
          )}
        </Grid>

        <StocktakeLists detail={d} tab={tab} onTab={setTab} canRemove={isOpen} onRemove={remove} />
      </Box>

      {/* The acta as signed, scanned and filed with the stocktake (issue 16, item 4). */}
      <Card withBorder padding="md" mt="md">
        <PapersPanel prefix="stocktakes" id={stocktakeId} />
      </Card>

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
