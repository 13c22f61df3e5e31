import { Anchor, Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/* Pieces of the home page's sections: a section, its figures and the legend of its bars. */

/** A feature's section of the home page: its heading and what it shows (`testId` for the tests). */
export function DashboardSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Stack mt="md" data-testid={testId}>
      <Title order={3}>{title}</Title>
      {children}
    </Stack>
  );
}

/**
 * One figure of the home page in its card: what it counts, the number (a link to its list
 * with `to`) and a hint under it. `big`: the larger figures of the page's top row.
 */
export function StatCard({
  label,
  value,
  hint,
  to,
  big,
  nowrap,
}: {
  label: string;
  value: string;
  hint?: string;
  to?: string;
  big?: boolean;
  nowrap?: boolean;
}) {
  const figure = { fz: big ? 32 : 28, fw: 700, lh: big ? 1.2 : 1.25, 'data-testid': `stat-${label}` };
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {to ? (
        <Anchor component={Link} to={to} underline="never" {...figure}>
          {value}
        </Anchor>
      ) : (
        <Text {...figure} style={nowrap ? { whiteSpace: 'nowrap' } : undefined}>
          {value}
        </Text>
      )}
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** The legend of a chart's colours, hidden from screen readers (the table beside it says the same). */
export function ColourLegend({ items }: { items: { key: string; color: string; label: string }[] }) {
  return (
    <Group gap="md" aria-hidden>
      {items.map((x) => (
        <Group key={x.key} gap={6} wrap="nowrap">
          <Box w={12} h={12} bg={x.color} style={{ borderRadius: 3 }} />
          <Text size="xs">{x.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
