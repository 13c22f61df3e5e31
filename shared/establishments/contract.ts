import { z } from 'zod';
import { channel, ExportResult, Id, NoInput, pageOf, type ChannelDef } from '../ipc';
import { recordContract } from '../record-contract';
import { RecordId } from '../marks';
import type { establishmentChannels } from './channels';
import {
  Establishment,
  EstablishmentExport,
  EstablishmentInput,
  EstablishmentListQuery,
  EstablishmentSetActive,
  EstablishmentUpdate,
  RegionalOffice,
  StaffInput,
  StaffMember,
  StaffQuery,
  StaffUpdate,
} from './schemas';
import { PopulationCount, PopulationCountInput, PopulationQuery, ReachReport } from './population-schemas';

export const establishmentContract = {
  'regionalOffices.list': channel('query', NoInput, z.array(RegionalOffice)),
  ...recordContract(
    'establishments',
    [EstablishmentListQuery, pageOf(Establishment)],
    [z.object({ id: Id }).strict(), Establishment],
    [EstablishmentInput.strict(), EstablishmentUpdate.strict(), Establishment],
  ),
  'establishments.setActive': channel('write', EstablishmentSetActive, Establishment),
  'establishments.delete': channel('write', z.object({ id: RecordId }).strict(), z.object({ deleted: z.literal(true) })),
  'establishments.export': channel('action', EstablishmentExport, ExportResult),
  'staff.list': channel('query', StaffQuery, z.array(StaffMember)),
  'staff.create': channel('write', StaffInput, StaffMember),
  'staff.update': channel('write', StaffUpdate, StaffMember),
  'population.list': channel('query', PopulationQuery, z.array(PopulationCount)),
  'population.record': channel('write', PopulationCountInput, PopulationCount),
  'population.reach': channel('query', NoInput, ReachReport),
} satisfies { [K in (typeof establishmentChannels)[number]]: ChannelDef };
