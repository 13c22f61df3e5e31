import { Button, Card, Group, ScrollArea, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { EvaluationChart } from '../../../../shared/evaluation/schemas';
import { cellText } from '../../../../shared/evaluation/suppression';
import { WhenNear } from '../../components/WhenNear';

/** The element id of a chart's card: the page's address with `#` and this id opens the page at that chart (the home page's small charts link so). */
export const chartAnchor = (chart: EvaluationChart) => `grafico-${chart}`;

/**
 * One chart of the evaluation page in a card: its title, the chart or its table (a toggle:
 * the same rows either way) and its export to XLSX. A chart with no rows says so instead of
 * drawing empty axes. When the address names its `id` (…#grafico-budget), the page opens
 * scrolled to it, with the focus on it for the keyboard.
 */
export function ChartCard({
  id,
  title,
  hint,
  empty,
  chart,
  table,
  onExport,
}: {
  id?: string;
  title: string;
  hint?: ReactNode;
  empty: boolean;
  chart: ReactNode;
  table: ReactNode;
  onExport?: () => void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const { hash } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  const named = id !== undefined && hash === `#${id}`;
  useEffect(() => {
    if (!named) return;
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, [named]);
  return (
    <Card
      ref={ref}
      id={id}
      tabIndex={named ? -1 : undefined}
      style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 0px) + var(--mantine-spacing-md))' }}
      withBorder
      padding="md"
      role="region"
      aria-label={title}
      data-testid="evaluation-chart"
    >
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Title order={4}>{title}</Title>
        <Group gap="xs" wrap="nowrap">
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            aria-label={t('evaluation.page.view')}
            data={[
              { value: 'chart', label: t('evaluation.page.showChart') },
              { value: 'table', label: t('evaluation.page.showTable') },
            ]}
          />
          {onExport && (
            <Button size="compact-sm" variant="default" leftSection={<IconFileSpreadsheet size={14} />} onClick={onExport}>
              {t('evaluation.page.exportChart')}
            </Button>
          )}
        </Group>
      </Group>
      {hint && (
        <Text size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {empty ? (
        <Text size="sm" c="dimmed" py="lg" ta="center">
          {t('evaluation.page.noData')}
        </Text>
      ) : view === 'chart' ? (
        // Twelve charts: each is drawn as it nears the window, so the page shows at once.
        <WhenNear>{chart}</WhenNear>
      ) : (
        table
      )}
    </Card>
  );
}

/**
 * A column of a chart's table: the rows' field `key` (a number, formatted; a person count the
 * row names in `suppressed` reads "< 5"), or the text `text` makes of the row.
 */
export interface Column<R> {
  key: string;
  label: string;
  format?: (n: number) => string;
  text?: (row: R) => string;
}

/** A chart's rows as a table (what the chart draws, to read or copy), with an optional last row (a total). */
export function ChartTable<R extends object>({
  label,
  rows,
  columns,
  total,
}: {
  label: string;
  rows: readonly R[];
  columns: ReadonlyArray<Column<R>>;
  total?: R;
}) {
  const cell = (r: R, c: Column<R>, i: number) => {
    const suppressed = (r as { suppressed?: readonly string[] }).suppressed?.includes(c.key) ?? false;
    const v = (r as Record<string, unknown>)[c.key];
    const text = c.text ? c.text(r) : cellText(typeof v === 'number' ? v : null, suppressed, c.format);
    return (
      <Table.Td key={c.key} ta={i === 0 ? undefined : 'right'}>
        {text}
      </Table.Td>
    );
  };
  return (
    <ScrollArea.Autosize mah={360}>
      <Table striped highlightOnHover aria-label={label} verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={c.key} ta={i === 0 ? undefined : 'right'}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, k) => (
            <Table.Tr key={k}>{columns.map((c, i) => cell(r, c, i))}</Table.Tr>
          ))}
        </Table.Tbody>
        {total && (
          <Table.Tfoot>
            <Table.Tr fw={700}>{columns.map((c, i) => cell(total, c, i))}</Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </ScrollArea.Autosize>
  );
}
