import { Card, Group, ScrollArea, Stack, Text, ThemeIcon, type MantineColor } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconHelpCircle, IconMapPinQuestion, IconRepeat, IconTrash } from '@tabler/icons-react';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Result = 'found' | 'elsewhere' | 'unknown' | 'repeated';

export interface FeedEntry {
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

/** What each scan did, newest first: found, elsewhere, unknown, repeated, removed, refused. */
export function ScanFeed({ feed }: { feed: FeedEntry[] }) {
  const { t } = useTranslation();
  return (
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
  );
}
