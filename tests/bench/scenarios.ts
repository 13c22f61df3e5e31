import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import type { Dispatch } from '../../electron/main/ipc/dispatcher';
import type { JobRegistry } from '../../electron/main/jobs/jobs';
import { programmeScenarios } from './programmes';
import { contractScenarios } from './contracts';
import { backupScenarios } from './backups';
import { catalogScenarios } from './catalog';
import { custodyScenarios } from './custody';
import { searchScenarios } from './search';
import { evaluationScenarios } from './evaluation';
import { okDispatch } from './measure';
import { syncScenarios } from './sync';

/** Further scenarios (one module each), run after the core ones on the same national database. */
export interface ScenarioContext {
  db: Knex;
  dispatch: Dispatch;
  jobs: JobRegistry;
  dir: string;
  loaded: { establishments: number; instruments: number; movements: number };
}

export type Scenario = (ctx: ScenarioContext) => Promise<Array<Record<string, unknown>>>;

/** instruments.import10k: a 10,000-row XLSX from bytes to committed rows: inspect, dry run, import. */
const import10k: Scenario = async ({ db, dispatch, jobs }) => {
  const types = (await db('instrument_types').pluck('name')) as string[];
  const ests = (await db('establishments').where({ active: true }).pluck('name')) as string[];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inventario');
  ws.addRow([
    'Código patrimonial',
    'Tipo',
    'Marca',
    'Modelo',
    'N.° de serie',
    'Fecha de adquisición',
    'Costo (S/)',
    'Estado',
    'Establecimiento',
  ]);
  for (let i = 1; i <= 10_000; i++) {
    ws.addRow([
      `IMP-${String(i).padStart(6, '0')}`,
      types[i % types.length],
      'Yamaha',
      `M-${i % 97}`,
      `S${i}`,
      `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2025`,
      (i % 500) * 10 + 0.5,
      ['nuevo', 'bueno', 'regular'][i % 3],
      ests[i % ests.length],
    ]);
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const dispatchOk = okDispatch(dispatch);
  const ok = async (channel: string, input: unknown) => (await dispatchOk(channel, input)) as Record<string, unknown>;
  const t0 = performance.now();
  const up = await ok('import.inspect', { target: 'instruments', fileName: 'inventario-10k.xlsx', dataBase64: bytes.toString('base64') });
  const mapping = up.suggestedMapping as Record<string, string | null>;
  const t1 = performance.now();
  const dry = await jobs.wait(String((await ok('import.dryRun', { uploadId: up.uploadId, mapping, mode: 'create' })).jobId));
  const t2 = performance.now();
  const run = await jobs.wait(String((await ok('import.run', { uploadId: up.uploadId, mapping, mode: 'create' })).jobId));
  const t3 = performance.now();
  if (dry?.state !== 'done' || run?.state !== 'done') throw new Error(`import10k: ${JSON.stringify({ dry: dry?.error, run: run?.error })}`);
  const created = (run.result as { created: number }).created;
  return [
    {
      scenario: 'instruments.import10k',
      n: created,
      seconds: Number(((t3 - t0) / 1000).toFixed(2)),
      read_s: Number(((t1 - t0) / 1000).toFixed(2)),
      dry_run_s: Number(((t2 - t1) / 1000).toFixed(2)),
      import_s: Number(((t3 - t2) / 1000).toFixed(2)),
      goal: '<= 5 s',
    },
  ];
};

export const scenarios: Scenario[] = [
  import10k,
  programmeScenarios,
  contractScenarios,
  backupScenarios,
  catalogScenarios,
  custodyScenarios,
  searchScenarios,
  evaluationScenarios,
  // Last: enrolling a site starts change capture on the centre (docs/SITES.md decision 5).
  syncScenarios,
];
