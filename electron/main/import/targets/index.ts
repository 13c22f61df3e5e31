import type { ImportTarget as ImportTargetName } from '../../../../shared/import/schemas';
import type { AnyImportTarget } from '../engine';
import { establishmentsTarget } from '../../establishments/import-target';
import { instrumentsTarget } from '../../inventory/import-target';
import { consumablesTarget } from '../../inventory/consumables-import';
import { artworksTarget } from '../../internarte/artworks-import';
import { participantsTarget } from '../../programmes/participant-import';
import { attendanceTarget } from '../../programmes/attendance-import';
import { teachersTarget } from '../../contracts/import-teachers';
import { contractsTarget } from '../../contracts/import-contracts';
import { conformitiesTarget } from '../../contracts/import-conformities';
import { partnersTarget } from '../../programmes/import-partners';
import { agreementsTarget } from '../../programmes/import-agreements';

/** Every import target by the name the contract knows it by (shared/import/schemas.ts). */
export const importTargets: Record<ImportTargetName, AnyImportTarget> = {
  establishments: establishmentsTarget,
  instruments: instrumentsTarget,
  consumables: consumablesTarget,
  artworks: artworksTarget,
  participants: participantsTarget,
  attendance: attendanceTarget,
  teachers: teachersTarget,
  contracts: contractsTarget,
  conformities: conformitiesTarget,
  partners: partnersTarget,
  agreements: agreementsTarget,
};
