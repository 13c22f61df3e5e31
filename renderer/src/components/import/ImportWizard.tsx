import {
  Alert,
  Button,
  FileInput,
  Group,
  Loader,
  Modal,
  Paper,
  Progress,
  Radio,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ImportReport,
  ImportResult,
  MAX_IMPORT_BYTES,
  type ImportInspection,
  type ImportMode,
  type ImportTable,
  type ImportTarget,
  type ImportUnknownValue,
  type ImportValueMapping,
} from '../../../../shared/import/schemas';
import type { JobStatus } from '../../../../shared/jobs/schemas';
import { ApiCallError, call } from '../../api';
import { useJobStatus } from '../useJobStatus';

type Mapping = Record<string, string | null>;
/** What the clerk chose for each unknown value; { create: '' } is "create" before its option is chosen. */
type Values = Record<string, Record<string, { id: number } | { create: string }>>;

/** The choices complete enough to send. */
const sendable = (values: Values): ImportValueMapping =>
  Object.fromEntries(
    Object.entries(values).map(([field, m]) => [field, Object.fromEntries(Object.entries(m).filter(([, c]) => !('create' in c) || c.create !== ''))]),
  );

/** A header row's first cells, as the clerk recognises it. */
const firstCells = (c: ImportTable) => [...new Set(c.headers.map((h) => h.replace(/ \(\d+\)$/, '')))].slice(0, 4).join(' · ').slice(0, 90);

/** The File API's bytes as base64, in slices (a spread of 15 MB would overflow the stack). */
function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The saved mapping where its columns are in this table, otherwise the suggestion. */
function initialMapping(ins: ImportInspection, table: ImportTable): { mapping: Mapping; remembered: boolean } {
  const mapping: Mapping = {};
  let remembered = false;
  for (const f of ins.fields) {
    const saved = ins.savedMapping?.[f.key];
    if (saved && table.headers.includes(saved)) {
      mapping[f.key] = saved;
      remembered = true;
    } else mapping[f.key] = table.suggestedMapping[f.key] ?? null;
  }
  return { mapping, remembered };
}

const percent = (s: JobStatus | null) => (s && s.total > 0 ? Math.round((100 * s.done) / s.total) : 0);

/**
 * The generic spreadsheet import: 1) choose an XLSX or CSV file, 2) say which column holds
 * each field, 3) a dry run that lists every bad row and writes nothing, 4) the import,
 * all rows or none. Both runs are jobs in main: a progress bar, and Cancel. Any target of
 * shared/import/schemas.ts works; its texts are under import.targets.<target>.
 */
export function ImportWizard({ opened, onClose, target }: { opened: boolean; onClose: () => void; target: ImportTarget }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [inspection, setInspection] = useState<ImportInspection | null>(null);
  /** The table as read with the header row in use (the detected one, or the clerk's choice). */
  const [table, setTable] = useState<ImportTable | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [values, setValues] = useState<Values>({});
  const [remembered, setRemembered] = useState(false);
  const [mode, setMode] = useState<ImportMode>('create');
  const [mappingErrors, setMappingErrors] = useState<Record<string, string>>({});
  const [startError, setStartError] = useState<string | null>(null);
  const [dryJobId, setDryJobId] = useState<string | null>(null);
  const [runJobId, setRunJobId] = useState<string | null>(null);
  const dry = useJobStatus(dryJobId);
  const run = useJobStatus(runJobId);

  const reset = () => {
    setStep(0);
    setFile(null);
    setFileError(null);
    setReading(false);
    setInspection(null);
    setTable(null);
    setMapping({});
    setValues({});
    setMappingErrors({});
    setStartError(null);
    setDryJobId(null);
    setRunJobId(null);
  };

  // The job still running, if any: closing the window cancels it.
  const running = (id: string | null, s: JobStatus | null) => (id && (!s || s.state === 'running') ? id : null);
  const runningJob = running(runJobId, run) ?? running(dryJobId, dry);

  // After an import, every list and count shows what is now in the database.
  const runDone = run?.state === 'done';
  useEffect(() => {
    if (runDone) void client.invalidateQueries();
  }, [runDone, client]);

  const cancelJob = (id: string | null) => {
    if (id) void call('jobs.cancel', { id }).catch(() => undefined);
  };

  const close = () => {
    cancelJob(runningJob);
    reset();
    onClose();
  };

  const choose = async (f: File | null) => {
    setFile(f);
    setFileError(null);
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES) {
      setFileError(t('import.errors.tooLarge'));
      return;
    }
    setReading(true);
    try {
      const dataBase64 = toBase64(await f.arrayBuffer());
      const ins = await call('import.inspect', { target, fileName: f.name, dataBase64 });
      const init = initialMapping(ins, ins);
      setInspection(ins);
      setTable(ins);
      setMapping(init.mapping);
      setValues(ins.savedValues ?? {});
      setRemembered(init.remembered);
      setMappingErrors({});
      setDryJobId(null);
      setRunJobId(null);
      setStep(1);
    } catch (err) {
      setFileError(err instanceof ApiCallError ? (Object.values(err.error.fields)[0] ?? err.message) : t('app.unexpected'));
    } finally {
      setReading(false);
    }
  };

  const start = async (kind: 'import.dryRun' | 'import.run') => {
    if (!inspection) return;
    setStartError(null);
    try {
      const headerRow = table?.headerRow ?? inspection.headerRow;
      const { jobId } = await call(kind, { uploadId: inspection.uploadId, mapping, mode, headerRow, values: sendable(values) });
      if (kind === 'import.dryRun') {
        setRunJobId(null);
        setDryJobId(jobId);
        setStep(2);
      } else {
        setRunJobId(jobId);
        setStep(3);
      }
    } catch (err) {
      if (!(err instanceof ApiCallError)) {
        setStartError(t('app.unexpected'));
        return;
      }
      if (err.error.code === 'not_found') {
        // The upload is gone (the app was restarted): choose the file again.
        reset();
        setFileError(err.message);
        return;
      }
      const fields: Record<string, string> = {};
      for (const [k, m] of Object.entries(err.error.fields)) fields[k.replace(/^mapping\./, '')] = m;
      setMappingErrors(fields);
      setStartError(err.message);
      setStep(1);
    }
  };

  const dryReport = dry?.state === 'done' ? ImportReport.parse(dry.result) : null;
  const runReport = run?.state === 'failed' && run.result !== undefined ? ImportReport.safeParse(run.result).data ?? null : null;
  const runResult = run?.state === 'done' ? ImportResult.parse(run.result) : null;

  const progress = (s: JobStatus | null, label: string) => (
    <Stack gap="xs" data-testid="import-progress">
      <Group justify="space-between">
        <Text size="sm">{s?.phase ? t(`import.phases.${s.phase}`, { defaultValue: label }) : label}</Text>
        <Text size="sm" c="dimmed">
          {s && s.total > 0 ? t('import.progress', { done: s.done, total: s.total }) : ''}
        </Text>
      </Group>
      <Progress value={percent(s)} animated aria-label={label} />
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={() => cancelJob(s?.id ?? null)} data-autofocus>
          {t('import.cancelJob')}
        </Button>
      </Group>
    </Stack>
  );

  const errorsTable = (report: ImportReport) =>
    report.errors.length > 0 && (
      <Stack gap={4}>
        <ScrollArea.Autosize mah={280} type="auto">
          <Table striped withTableBorder stickyHeader aria-label={t('import.check.errorsTable')} data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('import.check.row')}</Table.Th>
                <Table.Th w={150}>{t('import.check.column')}</Table.Th>
                <Table.Th w={170}>{t('import.check.value')}</Table.Th>
                <Table.Th>{t('import.check.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{e.value}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {report.errorCount > report.errors.length && (
          <Text size="xs" c="dimmed">
            {t('import.check.truncated', { shown: report.errors.length, count: report.errorCount })}
          </Text>
        )}
      </Stack>
    );

  const stats = (report: ImportReport) => (
    <SimpleGrid cols={5} spacing="xs">
      {(
        [
          ['total', report.total],
          ['valid', report.valid],
          ['invalid', report.invalid],
          ['toCreate', report.toCreate],
          ['toUpdate', report.toUpdate],
        ] as const
      ).map(([key, n]) => (
        <Paper key={key} withBorder p="xs" data-testid={`import-stat-${key}`}>
          <Text size="xs" c="dimmed">
            {t(`import.check.${key}`)}
          </Text>
          <Text fw={700} size="lg" c={key === 'invalid' && n > 0 ? 'red' : undefined}>
            {n}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );

  const samplesOf = (header: string | null) => {
    if (!table || !header) return '';
    const col = table.headers.indexOf(header);
    return table.sampleRows
      .map((r) => r[col] ?? '')
      .filter((v) => v !== '')
      .slice(0, 3)
      .join(' · ');
  };

  const fileStep = (
    <Stack>
      <FileInput
        label={t('import.file.label')}
        placeholder={t('import.file.placeholder')}
        description={t('import.file.help', { max: MAX_IMPORT_BYTES / (1024 * 1024) })}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        leftSection={<IconFileSpreadsheet size={16} />}
        value={file}
        onChange={(f) => void choose(f)}
        error={fileError}
        disabled={reading}
        data-autofocus
      />
      {reading && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t('import.file.reading')}</Text>
        </Group>
      )}
    </Stack>
  );

  const chooseHeaderRow = (row: string | null) => {
    const next = inspection?.headerChoices.find((c) => String(c.headerRow) === row);
    if (!inspection || !next) return;
    const init = initialMapping(inspection, next);
    setTable(next);
    setMapping(init.mapping);
    setRemembered(init.remembered);
    setMappingErrors({});
  };

  const skippedNote = (skipped: ImportTable['skipped']) =>
    skipped.length > 0 && (
      <Alert variant="light" color="gray" icon={<IconInfoCircle size={16} />} py={6} title={t('import.check.skipped')} data-testid="import-skipped">
        {skipped.map((s) => (
          <Text key={s.row} size="sm">
            {s.message}
          </Text>
        ))}
      </Alert>
    );

  const mappingStep = inspection && table && (
    <Stack>
      <Text size="sm">
        {t('import.file.summary', { fileName: inspection.fileName, count: table.rowCount, columns: table.headers.length })}
      </Text>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <Select
          label={t('import.headerRow.label')}
          description={t('import.headerRow.help')}
          data={inspection.headerChoices.map((c) => ({ value: String(c.headerRow), label: t('import.headerRow.choice', { row: c.headerRow, cells: firstCells(c) }) }))}
          value={String(table.headerRow)}
          onChange={chooseHeaderRow}
          allowDeselect={false}
          error={mappingErrors.headerRow}
          comboboxProps={{ withinPortal: true }}
          style={{ flex: 1 }}
        />
      </Group>
      <Text size="sm" data-testid="import-header-row">
        {t('import.headerRow.detected', { row: table.headerRow })}
      </Text>
      {skippedNote(table.skipped)}
      <Text size="sm" c="dimmed">
        {t('import.mapping.intro')}
      </Text>
      {remembered && (
        <Alert variant="light" icon={<IconInfoCircle size={16} />} py={6}>
          {t('import.mapping.remembered')}
        </Alert>
      )}
      <Table verticalSpacing={6} data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">{t('import.mapping.field')}</Table.Th>
            <Table.Th w="34%">{t('import.mapping.column')}</Table.Th>
            <Table.Th>{t('import.mapping.sample')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspection.fields.map((f) => (
            <Table.Tr key={f.key}>
              <Table.Td>
                <Text size="sm" fw={500} component="span">
                  {f.label}
                </Text>
                {f.required && (
                  <Text component="span" c="red" aria-hidden>
                    {' *'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={f.label}
                  required={f.required}
                  placeholder={t('import.mapping.notImported')}
                  data={table.headers}
                  value={mapping[f.key] ?? null}
                  onChange={(v) => {
                    setMapping((m) => ({ ...m, [f.key]: v }));
                    setMappingErrors(({ [f.key]: _gone, ...rest }) => rest);
                  }}
                  clearable={!f.required}
                  searchable
                  error={mappingErrors[f.key]}
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {samplesOf(mapping[f.key] ?? null)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Radio.Group label={t('import.mapping.mode')} value={mode} onChange={(v) => setMode(v as ImportMode)}>
        <Stack gap={6} mt={6}>
          <Radio value="create" label={t('import.mapping.modeCreate')} />
          <Radio value="upsert" label={t('import.mapping.modeUpsert')} />
        </Stack>
      </Radio.Group>
      {startError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} py={6}>
          {startError}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep(0)}>
          {t('import.back')}
        </Button>
        <Button onClick={() => void start('import.dryRun')}>{t('import.check.run')}</Button>
      </Group>
    </Stack>
  );

  const choiceOf = (u: ImportUnknownValue) => values[u.field]?.[u.key];
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

  const unknownTable = (report: ImportReport) => {
    if (!inspection || report.unknownValues.length === 0) return null;
    const fieldOf = new Map(inspection.fields.map((f) => [f.key, f]));
    const missing = pending(report);
    return (
      <Stack gap="xs" data-testid="import-unknown-values">
        <Text fw={600} size="sm">
          {t('import.values.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('import.values.intro')}
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
                ...(others.length > 0 ? [{ group: t('import.values.all'), items: others.map((e) => ({ value: String(e.id), label: e.label })) }] : []),
                ...(options.length > 0 ? [{ group: ' ', items: [{ value: 'create', label: t('import.values.create', { value: u.value }) }] }] : []),
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
                        clearable
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
          <Button onClick={() => void start('import.dryRun')} disabled={missing > 0}>
            {t('import.values.recheck')}
          </Button>
        </Group>
      </Stack>
    );
  };

  const newValuesNote = (report: ImportReport) => {
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
  };

  const checkStep = (
    <Stack>
      {(!dry || dry.state === 'running') && progress(dry, t('import.check.running'))}
      {dry?.state === 'cancelled' && <Alert variant="light">{dry.error?.message}</Alert>}
      {dry?.state === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
          {dry.error?.message}
        </Alert>
      )}
      {dryReport && (
        <>
          {stats(dryReport)}
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
          {dryReport.unknownValues.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />}>
              {t('import.errors.unknownValues', { count: dryReport.unknownValues.length })}
            </Alert>
          )}
          {skippedNote(dryReport.skipped)}
          {newValuesNote(dryReport)}
          {unknownTable(dryReport)}
          {errorsTable(dryReport)}
        </>
      )}
      {dry && dry.state !== 'running' && (
        <Group justify="space-between">
          <Group gap="xs">
            <Button variant="default" onClick={() => setStep(1)}>
              {t('import.back')}
            </Button>
            <Button variant="default" onClick={reset}>
              {t('import.check.otherFile')}
            </Button>
          </Group>
          <Button onClick={() => void start('import.run')} disabled={!dryReport || dryReport.invalid > 0} data-autofocus>
            {t('import.run.start')}
          </Button>
        </Group>
      )}
    </Stack>
  );

  const runStep = (
    <Stack>
      {(!run || run.state === 'running') && progress(run, t('import.run.running'))}
      {runResult && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={16} />} data-testid="import-result">
          {t(`import.targets.${target}.done`, { count: runResult.total, created: runResult.created, updated: runResult.updated })}
        </Alert>
      )}
      {run?.state === 'cancelled' && <Alert variant="light">{t('import.run.cancelled')}</Alert>}
      {run?.state === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
          {run.error?.message ?? t('import.run.failed')}
        </Alert>
      )}
      {runReport && errorsTable(runReport)}
      {run && run.state !== 'running' && (
        <Group justify="space-between">
          {run.state === 'done' ? (
            <span />
          ) : (
            <Button variant="default" onClick={reset}>
              {t('import.check.otherFile')}
            </Button>
          )}
          <Button onClick={close} data-autofocus>
            {t('import.close')}
          </Button>
        </Group>
      )}
    </Stack>
  );

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t(`import.targets.${target}.title`)}
      size="xl"
      closeOnClickOutside={false}
    >
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('import.steps.file')} description={t('import.steps.fileHint')}>
          {fileStep}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.mapping')} description={t('import.steps.mappingHint')}>
          {mappingStep}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.check')} description={t('import.steps.checkHint')}>
          {checkStep}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.import')} description={t('import.steps.importHint')}>
          {runStep}
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}
