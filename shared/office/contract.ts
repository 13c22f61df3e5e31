import { channel, NoInput, type ChannelDef } from '../ipc';
import type { officeChannels } from './channels';
import {
  AttachmentsFolderSave,
  AttachmentsFolderSettings,
  ConnectionTest,
  CopyReport,
  CopyToServer,
  DatabaseSave,
  DatabaseSaved,
  DatabaseSettings,
  ServerSettingsInput,
} from './schemas';

/**
 * office.testDatabase connects to the server named and says in plain Spanish what is
 * wrong, changing nothing anywhere. office.saveDatabase keeps the choice (the password
 * sealed with the platform's secrets, never in plain text) and restarts the data layer.
 */
export const officeContract = {
  'office.database': channel('query', NoInput, DatabaseSettings),
  'office.testDatabase': channel('action', ServerSettingsInput, ConnectionTest),
  'office.saveDatabase': channel('write', DatabaseSave, DatabaseSaved),
  /** The one-time copy of this PC's data into an EMPTY server database, checked table by table (office/copy.ts). */
  'office.copyToServer': channel('action', CopyToServer, CopyReport),
  /** Office mode: where every PC keeps the attachments — the server's database or one shared folder (files/office-store.ts). */
  'office.attachmentsFolder': channel('query', NoInput, AttachmentsFolderSettings),
  /** Sets (or clears, `folder: null`) the office's shared folder, moving the existing attachments there first. */
  'office.saveAttachmentsFolder': channel('write', AttachmentsFolderSave, AttachmentsFolderSettings),
} satisfies { [K in (typeof officeChannels)[number]]: ChannelDef };
