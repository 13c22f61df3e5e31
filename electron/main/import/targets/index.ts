import type { ImportTarget as ImportTargetName } from '../../../../shared/import/schemas';
import type { AnyImportTarget } from '../engine';
import { establishmentsTarget } from '../../establishments/import-target';
import { instrumentsTarget } from '../../inventory/import-target';

/** Every import target by the name the contract knows it by (shared/import/schemas.ts). */
export const importTargets: Record<ImportTargetName, AnyImportTarget> = {
  establishments: establishmentsTarget,
  instruments: instrumentsTarget,
};
