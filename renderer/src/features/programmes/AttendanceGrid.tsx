import { Alert, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { ABSENCE_ALERT } from '../../../../shared/programmes/rules';
import { useApiMutation, useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { nameOf } from './ui';
import { usePercent } from '../../components/numbers';
import { useCan } from '../../components/session';

/**
 * One session's attendance for the whole group, from the keyboard: ↑ ↓ move, Space toggles,
 * P present, A absent, Home/End jump; one «Guardar asistencia» for everyone. Unmarked rows
 * are saved as absent.
 */
export function AttendanceGrid({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const pct = usePercent();
  const sheet = useApiQuery('attendance.get', { id: sessionId });
  const save = useApiMutation('attendance.save');
  // The read-only role sees the marks; it cannot change them.
  const canSave = useCan('attendance.save');
  const [marks, setMarks] = useState<Map<number, boolean | null>>(new Map());
  const [cursor, setCursor] = useState(0);
  const [dirty, setDirty] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const rows = sheet.data?.rows ?? [];

  useEffect(() => {
    if (!sheet.data) return;
    setMarks(new Map(sheet.data.rows.map((r) => [r.participantId, r.present])));
    setCursor(0);
    setDirty(false);
  }, [sheet.data]);

  useEffect(() => {
    document.getElementById(`att-row-${cursor}`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const set = (i: number, value: boolean | null | 'toggle') => {
    const row = rows[i];
    if (!row || !canSave) return;
    setMarks((prev) => {
      const next = new Map(prev);
      const current = prev.get(row.participantId) ?? null;
      next.set(row.participantId, value === 'toggle' ? current !== true : value);
      return next;
    });
    setDirty(true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = rows.length - 1;
    const key = e.key.toLowerCase();
    if (e.key === 'ArrowDown') setCursor((c) => Math.min(last, c + 1));
    else if (e.key === 'ArrowUp') setCursor((c) => Math.max(0, c - 1));
    else if (e.key === 'Home') setCursor(0);
    else if (e.key === 'End') setCursor(last);
    else if (e.key === ' ') set(cursor, 'toggle');
    else if (key === 'p' || key === 'a') {
      set(cursor, key === 'p');
      setCursor((c) => Math.min(last, c + 1));
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      if (canSave) submit();
    } else return;
    e.preventDefault();
  };

  const counts = rows.reduce(
    (acc, r) => {
      const m = marks.get(r.participantId) ?? null;
      if (m === true) acc.present++;
      else if (m === false) acc.absent++;
      else acc.unmarked++;
      return acc;
    },
    { present: 0, absent: 0, unmarked: 0 },
  );

  function submit() {
    save.mutate(
      { sessionId, marks: rows.map((r) => ({ participantId: r.participantId, present: marks.get(r.participantId) === true })) },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: t('programmes.attendance.saved', { present: r.present, absent: r.absent }) });
          setDirty(false);
        },
        onError: (err) => notifications.show({ color: 'red', message: err.message }),
      },
    );
  }

  if (!sheet.data) return null;
  if (rows.length === 0) return <EmptyState title={t('programmes.attendance.title')} text={t('programmes.attendance.empty')} />;
  const s = sheet.data.session;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Text fw={600}>
            {t('programmes.attendance.session')}: {formatDate(s.date)} · {s.durationMinutes} min{s.topic ? ` · ${s.topic}` : ''}
          </Text>
          <Text size="sm" c="dimmed" data-testid="attendance-counts">
            {t('programmes.attendance.counts', counts)}
          </Text>
        </Stack>
        {canSave && (
          <Group gap="xs">
            <Button
              variant="default"
              size="sm"
              onClick={() => {
                setMarks(new Map(rows.map((r) => [r.participantId, true])));
                setDirty(true);
              }}
            >
              {t('programmes.attendance.allPresent')}
            </Button>
            <Button
              variant="default"
              size="sm"
              onClick={() => {
                setMarks(new Map(rows.map((r) => [r.participantId, false])));
                setDirty(true);
              }}
            >
              {t('programmes.attendance.allAbsent')}
            </Button>
            <Button size="sm" onClick={submit} loading={save.isPending}>
              {t('programmes.attendance.save')}
            </Button>
          </Group>
        )}
      </Group>
      {canSave && (
        <Text size="xs" c="dimmed">
          {t('programmes.attendance.hint')}
        </Text>
      )}
      {dirty && (
        <Alert color="yellow" variant="light" p="xs">
          {t('programmes.attendance.unsaved')}
        </Alert>
      )}
      <Paper withBorder>
        <div
          ref={gridRef}
          role="grid"
          aria-label={t('programmes.attendance.title')}
          aria-activedescendant={`att-row-${cursor}`}
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-testid="attendance-grid"
          style={{ outline: 'none' }}
        >
          <Table verticalSpacing={6} striped={false}>
            <Table.Thead>
              <Table.Tr role="row">
                <Table.Th w={40}>#</Table.Th>
                <Table.Th>{t('programmes.participants.codeShort')}</Table.Th>
                <Table.Th>{t('programmes.participants.name')}</Table.Th>
                <Table.Th>{t('programmes.attendance.title')}</Table.Th>
                <Table.Th ta="right">{t('programmes.attendance.rateSoFar')}</Table.Th>
                <Table.Th ta="right">{t('programmes.attendance.absencesInARow')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const m = marks.get(r.participantId) ?? null;
                const active = i === cursor;
                return (
                  <Table.Tr
                    key={r.participantId}
                    id={`att-row-${i}`}
                    role="row"
                    aria-selected={active}
                    data-present={m === null ? 'unmarked' : String(m)}
                    onClick={() => {
                      setCursor(i);
                      set(i, 'toggle');
                      gridRef.current?.focus();
                    }}
                    style={{
                      cursor: canSave ? 'pointer' : undefined,
                      background: active ? 'var(--mantine-primary-color-light)' : undefined,
                      boxShadow: active ? 'inset 3px 0 0 var(--mantine-primary-color-filled)' : undefined,
                    }}
                  >
                    <Table.Td c="dimmed">{i + 1}</Table.Td>
                    <Table.Td fw={600}>{r.code}</Table.Td>
                    <Table.Td>{nameOf(r)}</Table.Td>
                    <Table.Td>
                      {m === true ? (
                        <Badge color="teal" leftSection={<IconCheck size={12} />} tt="none">
                          {t('programmes.attendance.present')}
                        </Badge>
                      ) : m === false ? (
                        <Badge color="red" variant="light" leftSection={<IconX size={12} />} tt="none">
                          {t('programmes.attendance.absent')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="outline" tt="none">
                          {t('programmes.attendance.unmarked')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{pct(r.rate)}</Table.Td>
                    <Table.Td
                      ta="right"
                      c={r.consecutiveAbsences >= ABSENCE_ALERT ? 'red.8' : undefined}
                      fw={r.consecutiveAbsences >= ABSENCE_ALERT ? 700 : undefined}
                    >
                      {r.consecutiveAbsences}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      </Paper>
    </Stack>
  );
}
