import { z } from 'zod';
import { channel, ExportResult, Id, NoInput, pageOf, type ChannelDef } from '../ipc';
import type { budgetChannels, conformityChannels, contractChannels, teacherChannels } from './channels';
import {
  AddContractDocument,
  AddTeacherDocument,
  AttachedDocument,
  AuthorisationInput,
  AuthorisationRef,
  BudgetExport,
  BudgetSave,
  BudgetSummary,
  BudgetYears,
  Conformity,
  ConformityCreate,
  ConformityListQuery,
  ConformityPage,
  ConformityPay,
  ConformityUpdate,
  ConformityVoid,
  Contract,
  ContractActivate,
  ContractAlerts,
  ContractCreate,
  ContractDetail,
  ContractExport,
  ContractListQuery,
  ContractRenew,
  ContractResult,
  ContractTerminate,
  ContractUpdate,
  DocumentRef,
  FiscalYear,
  MissingList,
  MissingQuery,
  Teacher,
  TeacherCreate,
  TeacherDetail,
  TeacherListQuery,
  TeacherUpdate,
} from './schemas';

const ById = z.object({ id: Id }).strict();

export const teacherContract = {
  'teachers.list': channel('query', TeacherListQuery, pageOf(Teacher)),
  'teachers.get': channel('query', ById, TeacherDetail),
  'teachers.create': channel('write', TeacherCreate, Teacher),
  'teachers.update': channel('write', TeacherUpdate, Teacher),
  'teachers.saveAuthorisation': channel('write', AuthorisationInput, TeacherDetail),
  'teachers.removeAuthorisation': channel('write', AuthorisationRef, TeacherDetail),
  'teachers.addDocument': channel('write', AddTeacherDocument, z.array(AttachedDocument)),
  'teachers.removeDocument': channel('write', DocumentRef, z.array(AttachedDocument)),
  'teachers.documentCopy': channel('action', DocumentRef, ExportResult),
} satisfies { [K in (typeof teacherChannels)[number]]: ChannelDef };

export const contractContract = {
  'contracts.list': channel('query', ContractListQuery, pageOf(Contract)),
  'contracts.get': channel('query', ById, ContractDetail),
  'contracts.create': channel('write', ContractCreate, ContractResult),
  'contracts.update': channel('write', ContractUpdate, ContractResult),
  'contracts.activate': channel('write', ContractActivate, ContractResult),
  'contracts.terminate': channel('write', ContractTerminate, ContractResult),
  'contracts.renew': channel('write', ContractRenew, ContractResult),
  'contracts.addDocument': channel('write', AddContractDocument, z.array(AttachedDocument)),
  'contracts.removeDocument': channel('write', DocumentRef, z.array(AttachedDocument)),
  'contracts.documentCopy': channel('action', DocumentRef, ExportResult),
  'contracts.export': channel('action', ContractExport, ExportResult),
  'contracts.summaryPdf': channel('action', ById, ExportResult),
  'contracts.alerts': channel('query', NoInput, ContractAlerts),
} satisfies { [K in (typeof contractChannels)[number]]: ChannelDef };

export const conformityContract = {
  'conformities.list': channel('query', ConformityListQuery, ConformityPage),
  'conformities.missing': channel('query', MissingQuery, MissingList),
  'conformities.create': channel('write', ConformityCreate, Conformity),
  'conformities.update': channel('write', ConformityUpdate, Conformity),
  'conformities.pay': channel('write', ConformityPay, Conformity),
  'conformities.void': channel('write', ConformityVoid, Conformity),
} satisfies { [K in (typeof conformityChannels)[number]]: ChannelDef };

export const budgetContract = {
  'budget.years': channel('query', NoInput, BudgetYears),
  'budget.summary': channel('query', z.object({ year: FiscalYear }).strict(), BudgetSummary),
  'budget.save': channel('write', BudgetSave, BudgetSummary),
  'budget.export': channel('action', BudgetExport, ExportResult),
} satisfies { [K in (typeof budgetChannels)[number]]: ChannelDef };
