import type { Widen } from '../types';
import { establishmentPopulationEn, establishmentPopulationEs } from './establishments/population';
import { establishmentsRegisterEn, establishmentsRegisterEs } from './establishments/register';
import { establishmentStaffEn, establishmentStaffEs } from './establishments/staff';

/** Establishments, regional offices, INPE staff and population: Spanish (Peru) first, English beside it. */
export const establishmentsEs = {
  ...establishmentStaffEs,
  ...establishmentPopulationEs,
  ...establishmentsRegisterEs,
};

export const establishmentsEn: Widen<typeof establishmentsEs> = {
  ...establishmentStaffEn,
  ...establishmentPopulationEn,
  ...establishmentsRegisterEn,
};
