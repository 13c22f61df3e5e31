import { Card, Group, Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useApiQuery } from '../../../api';
import { todayIso } from '../../../components/fields';

const currentYear = () => Number(todayIso().slice(0, 4));

/** The fiscal year a budget page shows (`?anio=`; this year without it, or when it is not a year), and this year. */
export function shownYear(params: URLSearchParams) {
  const thisYear = currentYear();
  return { thisYear, year: Number(params.get('anio') ?? thisYear) || thisYear };
}

/**
 * The card above a budget page: the fiscal year to show, chosen among the years with a budget,
 * this year, `near` (the next year to plan, the last one to look back on) and the one shown;
 * then the page's own fields and figures.
 */
export function YearBar({
  label,
  year,
  near,
  onYear,
  children,
}: {
  label: string;
  year: number;
  near: number;
  onYear: (year: number) => void;
  children: ReactNode;
}) {
  const years = useApiQuery('budget.years', {});
  const options = [...new Set([currentYear(), near, year, ...(years.data ?? []).map((y) => y.year)])]
    .sort((a, b) => b - a)
    .map((y) => ({ value: String(y), label: String(y) }));
  return (
    <Card withBorder padding="sm" mb="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select label={label} data={options} value={String(year)} onChange={(v) => v && onYear(Number(v))} allowDeselect={false} w={120} />
        {children}
      </Group>
    </Card>
  );
}
