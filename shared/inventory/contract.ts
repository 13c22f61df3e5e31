import { z } from 'zod';
import { paperContract } from '../papers';
import { channel, ExportResult, Id, NoInput, pageOf, type ChannelDef } from '../ipc';
import type { consumableChannels, custodyChannels, instrumentChannels, inventoryReportChannels, stocktakeChannels } from './channels';
import {
  Candidate,
  CandidatesQuery,
  CustodianReview,
  CustodySummary,
  Holdings,
  HoldingsQuery,
  OverduePage,
  OverdueQuery,
  RecoveriesQuery,
  Recovery,
  RecoveryFollow,
  ReviewDismiss,
  ReviewLink,
  ReviewsQuery,
} from './custody-schemas';
import { DonationSource } from './donation-schemas';
import { ConsumableItem, ConsumableItemInput, ConsumableMinimum, ConsumableMove, StockQuery, StockRow } from './consumable-schemas';
import {
  ActaRequest,
  ConditionReportRequest,
  InventoryReportRequest,
  InventorySummary,
  LabelsRequest,
  MovementsReportRequest,
} from './report-schemas';
import {
  CountResult,
  Stocktake,
  StocktakeClose,
  StocktakeClosed,
  StocktakeCount,
  StocktakeDetail,
  StocktakeListQuery,
  StocktakeOpen,
  StocktakeUncount,
} from './stocktake-schemas';
import {
  AddPhoto,
  Instrument,
  InstrumentPhoto,
  InventorySettings,
  PhotoRef,
  InstrumentCreate,
  InstrumentExport,
  InstrumentListQuery,
  InstrumentType,
  InstrumentTypeInput,
  InstrumentTypeUpdate,
  InstrumentUpdate,
  Movement,
  MoveRequest,
  MoveResult,
} from './schemas';

export const instrumentContract = {
  'instrumentTypes.list': channel('query', NoInput, z.array(InstrumentType)),
  'instrumentTypes.create': channel('write', InstrumentTypeInput, InstrumentType),
  'instrumentTypes.update': channel('write', InstrumentTypeUpdate, InstrumentType),
  'instruments.list': channel('query', InstrumentListQuery, pageOf(Instrument)),
  'instruments.get': channel('query', z.object({ id: Id }).strict(), Instrument),
  'instruments.history': channel('query', z.object({ id: Id }).strict(), z.array(Movement)),
  'instruments.donations': channel('query', NoInput, z.array(DonationSource)),
  'instruments.create': channel('write', InstrumentCreate, Instrument),
  'instruments.update': channel('write', InstrumentUpdate, Instrument),
  'instruments.move': channel('write', MoveRequest, MoveResult),
  'instruments.export': channel('action', InstrumentExport, ExportResult),
  'instruments.photos': channel('query', z.object({ id: Id }).strict(), z.array(InstrumentPhoto)),
  'instruments.addPhoto': channel('write', AddPhoto, z.array(InstrumentPhoto)),
  'instruments.setPrimaryPhoto': channel('write', PhotoRef, z.array(InstrumentPhoto)),
  'instruments.removePhoto': channel('write', PhotoRef, z.array(InstrumentPhoto)),
  'inventory.settings': channel('query', NoInput, InventorySettings),
  'inventory.setSettings': channel('write', InventorySettings, InventorySettings),
  ...paperContract('movements'),
  'movements.transferActa': channel('action', z.object({ id: Id }).strict(), ExportResult),
} satisfies { [K in (typeof instrumentChannels)[number]]: ChannelDef };

export const stocktakeContract = {
  'stocktakes.list': channel('query', StocktakeListQuery, z.array(Stocktake)),
  'stocktakes.open': channel('write', StocktakeOpen, Stocktake),
  'stocktakes.get': channel('query', z.object({ id: Id }).strict(), StocktakeDetail),
  'stocktakes.count': channel('write', StocktakeCount, CountResult),
  'stocktakes.uncount': channel('write', StocktakeUncount, z.object({ removed: z.boolean() })),
  'stocktakes.close': channel('write', StocktakeClose, StocktakeClosed),
  'stocktakes.acta': channel('action', ActaRequest, ExportResult),
  ...paperContract('stocktakes'),
} satisfies { [K in (typeof stocktakeChannels)[number]]: ChannelDef };

export const consumableContract = {
  'consumables.items': channel('query', NoInput, z.array(ConsumableItem)),
  'consumables.createItem': channel('write', ConsumableItemInput, ConsumableItem),
  'consumables.stock': channel('query', StockQuery, z.array(StockRow)),
  'consumables.move': channel('write', ConsumableMove, StockRow),
  'consumables.setMinimum': channel('write', ConsumableMinimum, StockRow),
} satisfies { [K in (typeof consumableChannels)[number]]: ChannelDef };

export const inventoryReportContract = {
  'inventory.summary': channel('query', NoInput, InventorySummary),
  'inventory.labels': channel('action', LabelsRequest, ExportResult),
  'inventory.reportByEstablishment': channel('action', InventoryReportRequest, ExportResult),
  'inventory.reportByCondition': channel('action', ConditionReportRequest, ExportResult),
  'inventory.reportMovements': channel('action', MovementsReportRequest, ExportResult),
} satisfies { [K in (typeof inventoryReportChannels)[number]]: ChannelDef };

export const custodyContract = {
  'custody.candidates': channel('query', CandidatesQuery, z.array(Candidate)),
  'custody.overdue': channel('query', OverdueQuery, OverduePage),
  'custody.holdings': channel('query', HoldingsQuery, Holdings),
  'custody.recoveries': channel('query', RecoveriesQuery, z.array(Recovery)),
  'custody.follow': channel('write', RecoveryFollow, Recovery),
  'custody.reviews': channel('query', ReviewsQuery, z.array(CustodianReview)),
  'custody.link': channel('write', ReviewLink, CustodianReview),
  'custody.dismiss': channel('write', ReviewDismiss, CustodianReview),
  'custody.summary': channel('query', NoInput, CustodySummary),
} satisfies { [K in (typeof custodyChannels)[number]]: ChannelDef };
