import type { Widen } from '../types';
import { contractsLabelsEn, contractsLabelsEs } from './contracts/labels';
import { contractsTeachersEn, contractsTeachersEs } from './contracts/teachers';
import { contractsContractsEn, contractsContractsEs } from './contracts/contracts';
import { contractsBudgetEn, contractsBudgetEs } from './contracts/budget';
import { contractsWorkshopsEn, contractsWorkshopsEs } from './contracts/workshops';
import { contractsExpensesEn, contractsExpensesEs } from './contracts/expenses';

/** Teachers, contracts, service conformities and the budget: Spanish (Peru) first, English beside it. */
export const contractsEs = {
  ...contractsLabelsEs,
  ...contractsTeachersEs,
  ...contractsContractsEs,
  ...contractsBudgetEs,
  ...contractsWorkshopsEs,
  ...contractsExpensesEs,
};

export const contractsEn: Widen<typeof contractsEs> = {
  ...contractsLabelsEn,
  ...contractsTeachersEn,
  ...contractsContractsEn,
  ...contractsBudgetEn,
  ...contractsWorkshopsEn,
  ...contractsExpensesEn,
};
