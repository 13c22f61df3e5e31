import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportInspection, ImportReport, ImportUnknownValue } from '../../../../shared/import/schemas';
import type { JobStatus } from '../../../../shared/jobs/schemas';
import { ErrorsTable, JobProgress, ReportStats, SkippedNote } from './parts';

/** What the clerk chose for each unknown value; { create: '' } is "create" before its option is chosen. */
export type Values = Record<string, Record<string, { id: number } | { create: string }>>;

type Setter = Dispatch<SetStateAction<Values>>;

/** The values of the file that match no record: map each to one, or create it. */
function UnknownValues({
  inspection,
  report,
  values,
  setValues,
  onRecheck,
}: {
  inspection: ImportInspection | null;
  report: ImportReport;
  values: Values;
  setValues: Setter;
  onRecheck: () => void;
}) {
  const { t } = useTranslation();
  // A listed value that was matched (an attendance mark) shows what it was read as until the clerk changes it.
  const choiceOf = (u: ImportUnknownValue) => values[u.field]?.[u.key] ?? (u.matched === undefined ? undefined : { id: u.matched });
  const setChoice = (u: ImportUnknownValue, choice: { id: number } | { create: string } | null) =>
    setValues((v) => {
      const { [u.key]: _old, ...rest } = v[u.field] ?? {};
      return { ...v, [u.field]: choice === null ? rest : { ...rest, [u.key]: choice } };
    });
  const pending = (report: ImportReport) =>
    report.unknownValues.filter((u) => {
      const c = choiceOf(u);
      return !c || ('create' in c && c.create === '');
    }).length;
  if (!inspection || report.unknownValues.length === 0) return null;
  const fieldOf = new Map(inspection.fields.map((f) => [f.key, f]));
  const missing = pending(report);
  const listed = report.unknownValues.some((u) => u.matched !== undefined);
  return (
    <Stack gap="xs" data-testid="import-unknown-values">
      <Text fw={600} size="sm">
        {t(listed ? 'import.values.titleListed' : 'import.values.title')}
      </Text>
      <Text size="sm" c="dimmed">
        {t(listed ? 'import.values.introListed' : 'import.values.intro')}
      </Text>
      <Table withTableBorder verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="18%">{t('import.check.column')}</Table.Th>
            <Table.Th w="24%">{t('import.values.value')}</Table.Th>
            <Table.Th w="12%">{t('import.check.row')}</Table.Th>
            <Table.Th>{t('import.values.mapTo')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.unknownValues.map((u) => {
            const field = fieldOf.get(u.field);
            const options = field?.createOptions ?? [];
            const suggested = new Set(u.suggestions.map((s) => s.id));
            const others = (report.registers[u.field] ?? []).filter((e) => !suggested.has(e.id));
            const data = [
              ...(u.suggestions.length > 0
                ? [{ group: t('import.values.suggested'), items: u.suggestions.map((e) => ({ value: String(e.id), label: e.label })) }]
                : []),
              ...(others.length > 0
                ? [{ group: t('import.values.all'), items: others.map((e) => ({ value: String(e.id), label: e.label })) }]
                : []),
              ...(options.length > 0
                ? [{ group: ' ', items: [{ value: 'create', label: t('import.values.create', { value: u.value }) }] }]
                : []),
            ];
            const c = choiceOf(u);
            const selected = !c ? null : 'id' in c ? String(c.id) : 'create';
            return (
              <Table.Tr key={`${u.field}:${u.key}`} data-testid="import-unknown-value">
                <Table.Td>{u.column}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  <Text size="sm" fw={500}>
                    {u.value}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={u.rows.join(', ')}>
                    {t('import.values.rows', { count: u.count })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Select
                      aria-label={t('import.values.mapTo') + ' ' + u.value}
                      placeholder={t('import.values.choose')}
                      data={data}
                      value={selected}
                      onChange={(v) => setChoice(u, v === null ? null : v === 'create' ? { create: '' } : { id: Number(v) })}
                      searchable
                      clearable={u.matched === undefined}
                      comboboxProps={{ withinPortal: true }}
                    />
                    {c && 'create' in c && (
                      <Select
                        aria-label={t('import.values.createOption') + ' ' + u.value}
                        placeholder={t('import.values.createOption')}
                        data={options}
                        value={c.create || null}
                        onChange={(v) => setChoice(u, { create: v ?? '' })}
                        comboboxProps={{ withinPortal: true }}
                      />
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="sm" c={missing > 0 ? 'red' : 'dimmed'}>
          {missing > 0 ? t('import.values.pending', { count: missing }) : ''}
        </Text>
        <Button onClick={onRecheck} disabled={missing > 0}>
          {t('import.values.recheck')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The values the import will create (the clerk chose "create"). */
function NewValuesNote({ inspection, report }: { inspection: ImportInspection | null; report: ImportReport }) {
  const { t } = useTranslation();
  if (!inspection || report.newValues.length === 0) return null;
  const optionLabel = (field: string, option: string) =>
    inspection.fields.find((f) => f.key === field)?.createOptions.find((o) => o.value === option)?.label ?? option;
  return (
    <Alert variant="light" icon={<IconInfoCircle size={16} />} py={6}>
      {report.newValues.map((n) => (
        <Text key={`${n.field}:${n.value}`} size="sm">
          {t('import.values.willCreate', { value: n.value, option: optionLabel(n.field, n.option), count: n.count })}
        </Text>
      ))}
    </Alert>
  );
}

/** Whether a value listed as matched was given another meaning since the check (it must run again). */
const changedSince = (report: ImportReport, values: Values) =>
  report.unknownValues.some((u) => {
    const c = values[u.field]?.[u.key];
    return u.matched !== undefined && c !== undefined && (!('id' in c) || c.id !== u.matched);
  });

/** Step 3: the dry run, every bad row, and the unknown values to map; nothing is written. */
export function CheckStep({
  dry,
  dryReport,
  inspection,
  values,
  setValues,
  onCancelJob,
  onStart,
  onBack,
  onOtherFile,
}: {
  dry: JobStatus | null;
  dryReport: ImportReport | null;
  inspection: ImportInspection | null;
  values: Values;
  setValues: Setter;
  onCancelJob: (id: string | null) => void;
  onStart: (kind: 'import.dryRun' | 'import.run') => void;
  onBack: () => void;
  onOtherFile: () => void;
}) {
  const { t } = useTranslation();
  const unknownCount = dryReport?.unknownValues.filter((u) => u.matched === undefined).length ?? 0;
  return (
    <Stack>
      {(!dry || dry.state === 'running') && <JobProgress status={dry} label={t('import.check.running')} onCancel={onCancelJob} />}
      {dry?.state === 'cancelled' && <Alert variant="light">{dry.error?.message}</Alert>}
      {dry?.state === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
          {dry.error?.message}
        </Alert>
      )}
      {dryReport && (
        <>
          <ReportStats report={dryReport} />
          {dryReport.invalid === 0 && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck size={16} />}>
              {t('import.check.ok')}
            </Alert>
          )}
          {dryReport.errorCount > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
              {t('import.check.hasErrors', { count: dryReport.errorRows })}
            </Alert>
          )}
          {unknownCount > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />}>
              {t('import.errors.unknownValues', { count: unknownCount })}
            </Alert>
          )}
          <SkippedNote skipped={dryReport.skipped} />
          <NewValuesNote inspection={inspection} report={dryReport} />
          <UnknownValues
            inspection={inspection}
            report={dryReport}
            values={values}
            setValues={setValues}
            onRecheck={() => onStart('import.dryRun')}
          />
          <ErrorsTable report={dryReport} />
        </>
      )}
      {dry && dry.state !== 'running' && (
        <Group justify="space-between">
          <Group gap="xs">
            <Button variant="default" onClick={onBack}>
              {t('import.back')}
            </Button>
            <Button variant="default" onClick={onOtherFile}>
              {t('import.check.otherFile')}
            </Button>
          </Group>
          <Button
            onClick={() => onStart('import.run')}
            disabled={!dryReport || dryReport.invalid > 0 || changedSince(dryReport, values)}
            data-autofocus
          >
            {t('import.run.start')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
