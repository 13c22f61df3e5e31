import type { DomainChannel } from '../../../shared/channels';
import type { DomainHandlers } from '../ipc/context';
import { budgetHandlers } from './budget';
import { conformityHandlers } from './conformities';
import { contractHandlers } from './contracts';
import { contractWorkshopHandlers } from './contract-workshops';
import { expenseHandlers } from './expenses';
import { teacherHandlers } from './teachers';

export type ContractsChannel = DomainChannel<'contracts'>;

/** Teachers, contracts, conformities and the budget: every channel of the contracts area. */
export const contractsHandlers: DomainHandlers<ContractsChannel> = {
  ...teacherHandlers,
  ...contractHandlers,
  ...contractWorkshopHandlers,
  ...conformityHandlers,
  ...budgetHandlers,
  ...expenseHandlers,
};
