import { z } from 'zod';
import type { ChannelName } from './channels';
import { channel, ExportResult, Id, NoInput, pageOf, type ChannelDef, type Result } from './ipc';
import { AppInfo, DashboardSummary, DemoLoaded, SetLocale, ShowInFolder } from './app/schemas';
import {
  Establishment,
  EstablishmentExport,
  EstablishmentInput,
  EstablishmentListQuery,
  EstablishmentSetActive,
  EstablishmentUpdate,
  RegionalOffice,
} from './establishments/schemas';

/**
 * The IPC contract: every channel with its kind and its input and output schemas.
 * Main registers one handler per entry; the preload exposes exactly these names.
 */
export const contract = {
  'app.info': channel('query', NoInput, AppInfo),
  'app.setLocale': channel('write', SetLocale, SetLocale),
  'demo.load': channel('write', NoInput, DemoLoaded),
  'dashboard.summary': channel('query', NoInput, DashboardSummary),
  'files.showInFolder': channel('action', ShowInFolder, z.object({ shown: z.boolean() })),
  'regionalOffices.list': channel('query', NoInput, z.array(RegionalOffice)),
  'establishments.list': channel('query', EstablishmentListQuery, pageOf(Establishment)),
  'establishments.get': channel('query', z.object({ id: Id }).strict(), Establishment),
  'establishments.create': channel('write', EstablishmentInput.strict(), Establishment),
  'establishments.update': channel('write', EstablishmentUpdate.strict(), Establishment),
  'establishments.setActive': channel('write', EstablishmentSetActive, Establishment),
  'establishments.delete': channel('write', z.object({ id: Id }).strict(), z.object({ deleted: z.literal(true) })),
  'establishments.export': channel('action', EstablishmentExport, ExportResult),
} satisfies { [K in ChannelName]: ChannelDef };

export type Contract = typeof contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;

/** window.api: one function per channel, each answering a Result. */
export type Api = { [K in ChannelName]: (input: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>> };
