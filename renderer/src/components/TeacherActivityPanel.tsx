import { Anchor, Badge, Divider, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format';
import { useApiQuery } from '../api';
import { routes } from '../app/routes';
import { useNumber, usePeriodLabel } from './numbers';
import { useCan } from './session';

/**
 * What a teacher delivered (issue 15), on the teacher's page: the workshops that name them,
 * and by month the sessions they led and the hours (the sessions led with attendance taken).
 * Answered by the programmes (`teaching.activity`), for the roles that may read it.
 */
export function TeacherActivityPanel({ teacherId }: { teacherId: number }) {
  const allowed = useCan('teaching.activity');
  return allowed ? <Activity teacherId={teacherId} /> : null;
}

const nowrap = { whiteSpace: 'nowrap' } as const;

function Activity({ teacherId }: { teacherId: number }) {
  const { t } = useTranslation();
  const number = useNumber();
  const monthLabel = usePeriodLabel();
  const canOpen = useCan('workshops.get');
  const query = useApiQuery('teaching.activity', { teacherId });
  const a = 'programmes.workshopTeachers.activity.';
  const data = query.data;
  return (
    <>
      <Divider label={t(`${a}title`)} labelPosition="left" />
      {query.isError && (
        <Text size="sm" c="red">
          {query.error.message}
        </Text>
      )}
      {data && (
        <>
          <Text size="xs" c="dimmed" mt={-8}>
            {t(`${a}help`)}
          </Text>
          {data.workshops.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t(`${a}noWorkshops`)}
            </Text>
          ) : (
            <Table verticalSpacing={6} data-testid="teacher-workshops" aria-label={t(`${a}workshops`)}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`${a}workshop`)}</Table.Th>
                  <Table.Th>{t(`${a}period`)}</Table.Th>
                  <Table.Th ta="right">{t(`${a}led`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.workshops.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {canOpen ? (
                          <Anchor component={Link} to={`${routes.workshops}/${w.id}`} size="sm" fw={600}>
                            {w.name}
                          </Anchor>
                        ) : (
                          <Text size="sm" fw={600}>
                            {w.name}
                          </Text>
                        )}
                        {!w.active && (
                          <Badge size="xs" color="gray" tt="none">
                            {t(`${a}inactiveWorkshop`)}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {w.establishmentName}
                      </Text>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      {formatDate(w.startDate)} – {w.endDate ? formatDate(w.endDate) : '…'}
                    </Table.Td>
                    <Table.Td ta="right">{w.sessions}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {data.months.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t(`${a}noMonths`)}
            </Text>
          ) : (
            <Table verticalSpacing={6} striped data-testid="teacher-months" aria-label={t(`${a}title`)}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`${a}month`)}</Table.Th>
                  <Table.Th ta="right">{t(`${a}sessions`)}</Table.Th>
                  <Table.Th ta="right">{t(`${a}taken`)}</Table.Th>
                  <Table.Th ta="right">{t(`${a}hours`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Td style={nowrap}>{monthLabel(m.month)}</Table.Td>
                    <Table.Td ta="right">{m.sessions}</Table.Td>
                    <Table.Td ta="right">{m.taken}</Table.Td>
                    <Table.Td ta="right">{number(m.minutes / 60)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </>
  );
}
