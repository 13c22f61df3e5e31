import { budgetHandlers } from './budget';
import { conformityHandlers } from './conformities';
import { contractHandlers } from './contracts';
import { teacherHandlers } from './teachers';

/** Teachers, contracts, conformities and the budget: every channel of the contracts area. */
export const contractsAreaHandlers = {
  ...teacherHandlers,
  ...contractHandlers,
  ...conformityHandlers,
  ...budgetHandlers,
};
