import type { Knex } from 'knex';
import type { z } from 'zod';
import { channelNames, type ChannelName } from '../../../shared/channels';
import { contract } from '../../../shared/contract';
import { markedValues } from '../../../shared/marks';
import type { Actor } from '../../../shared/app/schemas';
import type { Result } from '../../../shared/ipc';
import { issuesByField } from '../../../shared/validation';
import { whoChanged } from '../audit/audit';
import { isForeignKeyViolation, isUniqueViolation } from '../db/dialect';
import { translator } from '../i18n';
import type { Platform } from '../platform';
import type { AttachmentStore } from '../files/store';
import { attachmentStoreFor } from '../files/office-store';
import { AppError } from './errors';
import { runAuditedWrite } from './audited-write';
import { createJobRegistry, type JobRegistry } from '../jobs/jobs';
import { establishmentRefusal, refreshSessionUser, sessionMayCall, sessionRefusal } from '../auth/access';
import type { HandlerContext, Handlers, Session } from './context';
import type { AppLog } from '../logs/log';
import { siteRefusal } from '../sites/limits';

export interface DispatcherDeps {
  db: Knex;
  /** Connections for long aggregate reads (db/connection.ts openReports); db itself by default. */
  reports?: Knex;
  handlers: Handlers;
  session: Session;
  platform: Platform;
  /** The attachment store (compose.ts chooses it); the platform's attachments folder by default. */
  attachments?: AttachmentStore;
  /** The session's job registry (compose.ts creates it; a private one otherwise). */
  jobs?: JobRegistry;
  /** The permission step; by default the signed-in user's role (shared/auth/permissions.ts). */
  authorize?: (actor: Actor, channel: ChannelName) => boolean;
  /** Checks every answer against the contract's output schema (on by default). */
  checkOutput?: boolean;
  onInternalError?: (channel: string, err: unknown) => void;
  /** The app's log (logs/log.ts): a call slower than SLOW_CHANNEL_MS is written there (its channel and time, never its input). */
  log?: AppLog;
  /** The clock that times a call, in ms (performance.now() by default). */
  timer?: () => number;
}

/** A call that takes longer than this is logged as slow. */
export const SLOW_CHANNEL_MS = 500;

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** The record a write changes: the input's field marked RecordId (shared/marks.ts), when it holds one. */
function recordIdOf(channel: ChannelName, input: unknown): number | null {
  const ids = markedValues(contract[channel].input, input, 'record');
  return ids.length === 1 ? ids[0]! : null;
}

const isChannel = (name: string): name is ChannelName => (channelNames as readonly string[]).includes(name);

/**
 * The pipeline every IPC call goes through, in main: known channel → the signed-in
 * account re-read (role, active) → signed in and not locked (auth/access.ts) → permission
 * of the user's role → input parsed with the contract's schema → only the user's
 * establishments named → at a prison site, not a decision of the central office
 * (sites/limits.ts) → handler (a write inside one
 * transaction with its audit entry) → output checked → { ok, data } or { ok: false, error }
 * in the user's language.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const authorize = deps.authorize ?? ((_actor: Actor, name: ChannelName) => sessionMayCall(deps.session, name));
  const checkOutput = deps.checkOutput ?? true;
  const jobs = deps.jobs ?? createJobRegistry({ session: deps.session });
  const attachments = deps.attachments ?? attachmentStoreFor(deps.db, deps.platform.paths.attachmentsDir);

  /** HandlerContext.read: a query channel with the checks of dispatch (below), failing as an AppError. */
  async function read(name: ChannelName, input: unknown): Promise<unknown> {
    if (contract[name].kind !== 'query') throw new Error(`${name} is not a query channel`);
    if (!authorize(deps.session.actor, name)) throw new AppError('forbidden', 'errors.forbidden');
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) throw new AppError('validation', 'errors.validation', {}, issuesByField(parsed.error, input ?? {}));
    const outside = establishmentRefusal(deps.session, name, parsed.data);
    if (outside) throw outside;
    return run(name, parsed.data);
  }

  async function run(name: ChannelName, input: unknown): Promise<unknown> {
    const def = contract[name];
    const handler = deps.handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const base = {
      session: deps.session,
      channel: name,
      now: new Date().toISOString(),
      t: translator(deps.session.locale),
      platform: deps.platform,
      attachments,
      jobs,
      read: read as HandlerContext['read'],
      log: deps.log,
      reports: deps.reports ?? deps.db,
    };
    const finish = (out: unknown) => (checkOutput ? (def.output as z.ZodType).parse(out) : out);

    if (def.kind !== 'write') {
      const ctx: HandlerContext = {
        ...base,
        db: deps.db,
        audit: () => Promise.reject(new Error(`${name} is not a write channel and cannot audit`)),
      };
      return finish(await handler(input, ctx));
    }
    return runAuditedWrite(
      deps.db,
      deps.session,
      name,
      async (trx, audit) => finish(await handler(input, { ...base, db: trx, audit })),
      base.now,
    );
  }

  const timer = deps.timer ?? (() => performance.now());
  return async function dispatch(channel, rawInput) {
    const started = timer();
    const result = await answer(channel, rawInput);
    const ms = Math.round(timer() - started);
    if (ms > SLOW_CHANNEL_MS && isChannel(channel)) deps.log?.warn('canal lento', { channel, ms });
    return result;
  };

  async function answer(channel: string, rawInput: unknown): Promise<Result<unknown>> {
    const t = translator(deps.session.locale);
    const fail = (e: AppError): Result<never> => ({
      ok: false,
      error: {
        code: e.code,
        message: t(e.key, e.params),
        fields: Object.fromEntries(Object.entries(e.fields).map(([k, ref]) => [k, t(ref.key, ref.params ?? {})])),
      },
    });
    if (!isChannel(channel)) return fail(new AppError('unknown_channel', 'errors.unknownChannel'));
    // The signed-in account as it is now in the database (another PC may have changed its role or deactivated it).
    let ended: AppError | null;
    try {
      ended = await refreshSessionUser(deps.db, deps.session, channel);
    } catch (err) {
      deps.onInternalError?.(channel, err);
      return fail(new AppError('internal', 'errors.internal'));
    }
    if (ended) return fail(ended);
    const refused = sessionRefusal(deps.session, channel);
    if (refused) return fail(refused);
    if (!authorize(deps.session.actor, channel)) return fail(new AppError('forbidden', 'errors.forbidden'));

    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return fail(new AppError('validation', 'errors.validation', {}, issuesByField(parsed.error, rawInput ?? {})));
    }
    const outside = establishmentRefusal(deps.session, channel, parsed.data);
    if (outside) return fail(outside);
    try {
      const centreOnly = await siteRefusal(deps.db, channel, parsed.data);
      if (centreOnly) return fail(centreOnly);
      return { ok: true, data: await run(channel, parsed.data) };
    } catch (err) {
      if (err instanceof AppError && err.code === 'stale')
        return fail(await whoChanged(deps.db, channel.split('.')[0]!, recordIdOf(channel, parsed.data), err));
      if (err instanceof AppError) return fail(err);
      if (isUniqueViolation(err)) return fail(new AppError('conflict', 'errors.conflict'));
      if (isForeignKeyViolation(err)) return fail(new AppError('in_use', 'errors.inUse'));
      deps.onInternalError?.(channel, err);
      return fail(new AppError('internal', 'errors.internal'));
    }
  }
}
