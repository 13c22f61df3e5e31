import { choice } from '../ipc';
import {
  amountTypes,
  budgetLines,
  contractDocumentKinds,
  contractStatuses,
  disciplines,
  modalities,
  sexes,
  teacherDocumentKinds,
} from './rules';

/** Pieces shared by the schema files of teachers, contracts, conformities and the budget (shared/contracts/*-schemas.ts); schemas.ts gathers those files for importers. */

export const DisciplineSchema = choice(disciplines);
export const SexSchema = choice(sexes);
export const ModalitySchema = choice(modalities);
export const AmountTypeSchema = choice(amountTypes);
export const BudgetLineSchema = choice(budgetLines);
export const ContractStatusSchema = choice(contractStatuses);
export const TeacherDocumentKind = choice(teacherDocumentKinds);
export const ContractDocumentKind = choice(contractDocumentKinds);

export { activeFilter, choice, listFilter, listPaging, optionalDate, orNull, PageNumber as page, PageSize as pageSize } from '../ipc';
