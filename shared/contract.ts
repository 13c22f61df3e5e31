import type { z } from 'zod';
import type { ChannelName } from './channels';
import type { ChannelDef, Result } from './ipc';
import { appContract } from './app/contract';
import { establishmentContract } from './establishments/contract';
import { importContract } from './import/contract';
import { jobContract } from './jobs/contract';
import { consumableContract, custodyContract, instrumentContract, inventoryReportContract, stocktakeContract } from './inventory/contract';
import { budgetContract, conformityContract, contractContract, teacherContract } from './contracts/contract';
import { programmeContract } from './programmes/contract';
import { auditContract } from './audit/contract';
import { authContract } from './auth/contract';
import { userContract } from './users/contract';
import { backupContract } from './backups/contract';
import { catalogContract } from './internarte/catalog-contract';
import { dashboardContract } from './dashboard/contract';
import { artworkContract, exhibitionContract } from './internarte/contract';
import { officeContract } from './office/contract';
import { searchContract } from './search/contract';
import { notificationContract } from './notifications/contract';
import { listContract } from './lists/contract';
import { evaluationContract } from './evaluation/contract';
import { siteContract } from './sites/contract';

/**
 * The IPC contract: every channel with its kind and its input and output schemas, one
 * part per domain (shared/<domain>/contract.ts). Main registers one handler per entry;
 * the preload exposes exactly these names.
 */
export const contract = {
  ...appContract,
  ...dashboardContract,
  ...establishmentContract,
  ...jobContract,
  ...importContract,
  ...instrumentContract,
  ...stocktakeContract,
  ...consumableContract,
  ...inventoryReportContract,
  ...custodyContract,
  ...teacherContract,
  ...contractContract,
  ...conformityContract,
  ...budgetContract,
  ...programmeContract,
  ...authContract,
  ...userContract,
  ...auditContract,
  ...backupContract,
  ...catalogContract,
  ...artworkContract,
  ...exhibitionContract,
  ...officeContract,
  ...searchContract,
  ...notificationContract,
  ...listContract,
  ...evaluationContract,
  ...siteContract,
} satisfies { [K in ChannelName]: ChannelDef };

export type Contract = typeof contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;

/** window.api: one function per channel, each answering a Result. */
export type Api = { [K in ChannelName]: (input: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>> };
