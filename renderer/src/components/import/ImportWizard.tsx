import { Alert, Button, FileInput, Group, Loader, Modal, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
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
  type ImportValueMapping,
} from '../../../../shared/import/schemas';
import type { JobStatus } from '../../../../shared/jobs/schemas';
import { ApiCallError, call, invalidateAfter } from '../../api';
import { useJobStatus } from '../useJobStatus';
import { useSaveFile } from '../files';
import { CheckStep, type Values } from './CheckStep';
import { MappingStep, type Mapping } from './MappingStep';
import { ErrorsTable, JobProgress } from './parts';
import { PhotoFolder, photoFolderTargets } from './PhotoFolder';

/** The choices complete enough to send. */
const sendable = (values: Values): ImportValueMapping =>
  Object.fromEntries(
    Object.entries(values).map(([field, m]) => [
      field,
      Object.fromEntries(Object.entries(m).filter(([, c]) => !('create' in c) || c.create !== '')),
    ]),
  );

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

/**
 * The generic spreadsheet import: 1) choose an XLSX or CSV file, 2) say which column holds
 * each field, 3) a dry run that lists every bad row and writes nothing, 4) the import,
 * all rows or none. Both runs are jobs in main: a progress bar, and Cancel. Any target of
 * shared/import/schemas.ts works; its texts are under import.targets.<target>. `fixed`:
 * register fields already chosen (the workshop whose page it was opened from), not asked
 * for; `hint`: what the file should look like, above the file input.
 */
export function ImportWizard({
  opened,
  onClose,
  target,
  fixed,
  hint,
}: {
  opened: boolean;
  onClose: () => void;
  target: ImportTarget;
  fixed?: Record<string, number>;
  hint?: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useSaveFile();
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

  // After an import, every list and count it may have changed shows what is now in the database
  // (an import may create establishments: app/domains.ts refreshes everything after import.run).
  const runDone = run?.state === 'done';
  useEffect(() => {
    if (runDone) void invalidateAfter(client, 'import.run');
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
      const ins = await call('import.inspect', { target, fileName: f.name, dataBase64, ...(fixed ? { fixed } : {}) });
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
  const runReport = run?.state === 'failed' && run.result !== undefined ? (ImportReport.safeParse(run.result).data ?? null) : null;
  const runResult = run?.state === 'done' ? ImportResult.parse(run.result) : null;

  const fileStep = (
    <Stack>
      {hint && <Text size="sm">{hint}</Text>}
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
      <Group gap="xs" wrap="nowrap">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
          onClick={() =>
            void save(() => call('import.template', { target, format: 'xlsx' }), { title: () => t('import.template.saved') }).catch(
              () => undefined,
            )
          }
        >
          {t('import.template.button')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('import.template.hint')}
        </Text>
      </Group>
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

  const checkStep = (
    <CheckStep
      dry={dry}
      dryReport={dryReport}
      inspection={inspection}
      values={values}
      setValues={setValues}
      onCancelJob={cancelJob}
      onStart={(kind) => void start(kind)}
      onBack={() => setStep(1)}
      onOtherFile={reset}
    />
  );

  const mappingStep = inspection && table && (
    <Stack>
      {photoFolderTargets.includes(target) && <PhotoFolder key={inspection.uploadId} uploadId={inspection.uploadId} />}
      <MappingStep
        inspection={inspection}
        table={table}
        mapping={mapping}
        setMapping={setMapping}
        mappingErrors={mappingErrors}
        setMappingErrors={setMappingErrors}
        remembered={remembered}
        mode={mode}
        setMode={setMode}
        startError={startError}
        onHeaderRow={chooseHeaderRow}
        onBack={() => setStep(0)}
        onCheck={() => void start('import.dryRun')}
      />
    </Stack>
  );

  const runStep = (
    <Stack>
      {(!run || run.state === 'running') && <JobProgress status={run} label={t('import.run.running')} onCancel={cancelJob} />}
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
      {runReport && <ErrorsTable report={runReport} />}
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
    <Modal opened={opened} onClose={close} title={t(`import.targets.${target}.title`)} size="xl" closeOnClickOutside={false}>
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
