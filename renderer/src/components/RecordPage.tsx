import { Group, Stack, Tabs } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { BackLink, EditButton } from './RecordParts';

/** One tab of a record's page: its label (counts included) and what it shows. */
export interface RecordTab {
  value: string;
  label: ReactNode;
  panel: ReactNode;
}

/**
 * The page of one record (an artwork, an exhibition): the link back to its list, the
 * heading with an "Editar" button when the user may edit (`onEdit`), and the tabs, of which
 * only the open one is mounted. `children`: the page's modals.
 */
export function RecordPage({
  backTo,
  backLabel,
  heading,
  headingWrap = true,
  onEdit,
  tabs,
  initialTab,
  children,
}: {
  backTo: string;
  backLabel: string;
  heading: ReactNode;
  /** Whether the heading may wrap under the edit button on a narrow window. */
  headingWrap?: boolean;
  onEdit?: () => void;
  tabs: RecordTab[];
  initialTab: string;
  children?: ReactNode;
}) {
  const [tab, setTab] = useState<string | null>(initialTab);
  return (
    <Stack>
      <BackLink to={backTo} label={backLabel} />
      <Group justify="space-between" align="flex-start" wrap={headingWrap ? undefined : 'nowrap'}>
        {heading}
        {onEdit && <EditButton onClick={onEdit} />}
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {tabs.map((x) => (
            <Tabs.Tab key={x.value} value={x.value}>
              {x.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((x) => (
          <Tabs.Panel key={x.value} value={x.value} pt="md">
            {x.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
      {children}
    </Stack>
  );
}
