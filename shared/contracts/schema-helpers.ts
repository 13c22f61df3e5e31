import { z } from 'zod';
import { IsoDate, requiredOr } from '../ipc';
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

export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: requiredOr('errors.choose') });

export const DisciplineSchema = choice(disciplines);
export const SexSchema = choice(sexes);
export const ModalitySchema = choice(modalities);
export const AmountTypeSchema = choice(amountTypes);
export const BudgetLineSchema = choice(budgetLines);
export const ContractStatusSchema = choice(contractStatuses);
export const TeacherDocumentKind = choice(teacherDocumentKinds);
export const ContractDocumentKind = choice(contractDocumentKinds);

export const optionalDate = IsoDate.nullish().transform((v) => v ?? null);

export { PageNumber as page, PageSize as pageSize } from '../ipc';
