import { Badge, Button, Group, Kbd, Loader, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../../../shared/search/schemas';
import { useApiQuery } from '../../api';
import { useCan } from '../../components/session';
import { recordPath } from '../../app/recordPath';

/** What the search accepts (shared/search/schemas.ts GlobalSearchQuery): main checks it again. */
const searchable = (q: string) => q.length >= 2 && q.length <= 100 && /[\p{L}\p{N}]/u.test(q);

/**
 * "Find anything" (issue 16): the header's search button and the Spotlight it opens (also
 * with Ctrl+K, from anywhere, even while typing in a field). Main answers with what the
 * role may see, grouped by kind; a result opens the record's page or drawer.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const ready = searchable(debounced);
  const found = useApiQuery('search.global', { q: debounced }, { enabled: ready, staleTime: 0 });
  // A participant found by code by a role that does not open participants' records shows, but opens nothing.
  const opensParticipants = useCan('participants.get');
  const opens = (hit: SearchHit) => hit.kind !== 'participant' || opensParticipants;
  const groups = ready ? (found.data?.groups ?? []) : [];

  return (
    <>
      <Tooltip label={t('search.buttonHint')}>
        <Button
          variant="default"
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">{t('search.shortcut')}</Kbd>}
          onClick={() => spotlight.open()}
          aria-keyshortcuts="Control+K"
        >
          <Text size="sm" visibleFrom="md" span>
            {t('search.button')}
          </Text>
        </Button>
      </Tooltip>
      <Spotlight.Root query={query} onQueryChange={setQuery} shortcut="mod + K" tagsToIgnore={[]} scrollable maxHeight="70vh">
        <Spotlight.Search
          placeholder={t('search.placeholder')}
          aria-label={t('search.button')}
          leftSection={found.isFetching ? <Loader size="xs" /> : <IconSearch size={18} />}
        />
        <Spotlight.ActionsList>
          {!ready && <Spotlight.Empty>{t('search.typeMore')}</Spotlight.Empty>}
          {ready && found.data && groups.length === 0 && <Spotlight.Empty>{t('search.nothing', { q: debounced })}</Spotlight.Empty>}
          {ready && !found.data && <Spotlight.Empty>{t('search.searching')}</Spotlight.Empty>}
          {groups.map((g) => (
            <Spotlight.ActionsGroup key={g.kind} label={t(`search.kinds.${g.kind}`)}>
              {g.hits.map((hit) => (
                <Spotlight.Action
                  key={`${hit.kind}-${hit.id}`}
                  disabled={!opens(hit)}
                  onClick={() => {
                    if (opens(hit)) void navigate(recordPath(hit));
                  }}
                >
                  <Group wrap="nowrap" justify="space-between" w="100%">
                    <div>
                      <Text size="sm" fw={600}>
                        {hit.title}
                      </Text>
                      {hit.detail && (
                        <Text size="xs" c="dimmed">
                          {hit.detail}
                        </Text>
                      )}
                    </div>
                    {!opens(hit) && (
                      <Tooltip label={t('search.codeOnly')}>
                        <Badge variant="light" color="gray" size="sm">
                          {t('search.codeOnlyBadge')}
                        </Badge>
                      </Tooltip>
                    )}
                  </Group>
                </Spotlight.Action>
              ))}
              {g.more && (
                <Text size="xs" c="dimmed" px="md" py={4}>
                  {t('search.more')}
                </Text>
              )}
            </Spotlight.ActionsGroup>
          ))}
        </Spotlight.ActionsList>
      </Spotlight.Root>
    </>
  );
}
