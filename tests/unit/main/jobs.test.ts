import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAuditedWrite } from '../../../electron/main/ipc/audited-write';
import { AppError } from '../../../electron/main/ipc/errors';
import { createJobRegistry, JobFailure } from '../../../electron/main/jobs/jobs';
import type { JobStatus } from '../../../shared/jobs/schemas';
import { snapshot, testApp, type TestApp } from '../../helpers/services';

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

/** A promise with its resolve, to hold a job at a known point. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('the job registry', () => {
  it('answers an id at once, then reports progress, then the result', async () => {
    const jobs = createJobRegistry({ session: { locale: 'es-PE' } });
    const step = gate();
    const seen: JobStatus[] = [];
    jobs.watch((s) => seen.push(s));
    let ran = false;
    const id = jobs.start('prueba', async (job) => {
      ran = true;
      job.progress(1, 4, 'validate');
      await step.opened;
      job.progress(4, 4, 'write');
      return { answer: 42 };
    });
    expect(ran).toBe(false); // nothing runs before start() returns
    expect(jobs.status(id)).toMatchObject({ id, kind: 'prueba', state: 'running', done: 0, total: 0, phase: null });
    await new Promise((r) => setTimeout(r, 5));
    expect(jobs.status(id)).toMatchObject({ state: 'running', done: 1, total: 4, phase: 'validate' });
    step.open();
    const final = await jobs.wait(id);
    expect(final).toMatchObject({ state: 'done', done: 4, total: 4, phase: 'write', result: { answer: 42 } });
    expect(final!.finishedAt).not.toBeNull();
    expect(final!.error).toBeUndefined();
    expect(seen.map((s) => `${s.state}:${s.done}`)).toEqual(['running:1', 'running:4', 'done:4']);
  });

  it('a refusal is told in the user language, with its fields; a JobFailure keeps its result', async () => {
    const session = { locale: 'es-PE' as const };
    const jobs = createJobRegistry({ session });
    const a = jobs.start('x', async () => {
      throw new AppError('conflict', 'errors.duplicateCode', { code: 'EP-1' }, { code: { key: 'errors.required' } });
    });
    expect(await jobs.wait(a)).toMatchObject({
      state: 'failed',
      error: {
        code: 'conflict',
        message: 'Ya existe un establecimiento con el código EP-1.',
        fields: { code: 'Este campo es obligatorio.' },
      },
    });
    (session as { locale: string }).locale = 'en';
    expect(jobs.status(a)!.error!.message).toBe('An establishment with code EP-1 already exists.');

    const b = jobs.start('x', async () => {
      throw new JobFailure(new AppError('validation', 'errors.validation'), { bad: [3, 7] });
    });
    expect(await jobs.wait(b)).toMatchObject({ state: 'failed', result: { bad: [3, 7] }, error: { code: 'validation' } });
  });

  it('an unexpected error is internal, reported, and says nothing was saved', async () => {
    const reported: unknown[] = [];
    const jobs = createJobRegistry({ session: { locale: 'es-PE' }, onInternalError: (_k, e) => reported.push(e) });
    const id = jobs.start('x', async () => {
      throw new Error('disco lleno');
    });
    expect(await jobs.wait(id)).toMatchObject({
      state: 'failed',
      error: { code: 'internal', message: 'Ocurrió un error interno. No se guardó ningún cambio. Si se repite, informe a soporte.' },
    });
    expect(reported).toHaveLength(1);
  });

  it('cancel aborts the signal; the job ends cancelled', async () => {
    const jobs = createJobRegistry({ session: { locale: 'es-PE' } });
    const started = gate();
    const id = jobs.start('x', async (job) => {
      started.open();
      while (true) {
        job.signal.throwIfAborted();
        await new Promise((r) => setTimeout(r, 1));
      }
    });
    await started.opened;
    expect(jobs.cancel(id)).toMatchObject({ state: 'running' });
    expect(await jobs.wait(id)).toMatchObject({
      state: 'cancelled',
      error: { code: 'cancelled', message: 'Se canceló la tarea. No se guardó ningún cambio.' },
    });
    // Cancelling a finished job changes nothing.
    expect(jobs.cancel(id)).toMatchObject({ state: 'cancelled' });
    expect(jobs.status('no-existe')).toBeNull();
    expect(jobs.cancel('no-existe')).toBeNull();
  });

  it('keeps the last finished jobs only (running ones always)', async () => {
    const jobs = createJobRegistry({ session: { locale: 'es-PE' }, keep: 3 });
    const hold = gate();
    const running = jobs.start('lento', () => hold.opened);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(jobs.start('rápido', async () => i));
    await Promise.all(ids.map((id) => jobs.wait(id)));
    expect(ids.map((id) => jobs.status(id)?.result ?? null)).toEqual([null, null, null, 3, 4, 5]);
    expect(jobs.status(running)).toMatchObject({ state: 'running' });
    hold.open();
    await jobs.wait(running);
  });

  it('a writing job that is cancelled rolls its transaction back, audit entries included', async () => {
    const before = await snapshot(app.db);
    const wrote = gate();
    const id = app.jobs.start('prueba', (job) =>
      runAuditedWrite(app.db, app.session, 'prueba', async (trx, audit) => {
        await trx('settings').insert({ key: 'prueba', value: '1' });
        await audit({ entity: 'setting', entityId: 'prueba', action: 'create' });
        wrote.open();
        while (true) {
          job.signal.throwIfAborted();
          await new Promise((r) => setTimeout(r, 1));
        }
      }),
    );
    await wrote.opened;
    app.jobs.cancel(id);
    expect(await app.jobs.wait(id)).toMatchObject({ state: 'cancelled' });
    expect(await snapshot(app.db)).toBe(before);
  });

  it('a writing job commits with its audit entries, or refuses a write without one', async () => {
    const ok = app.jobs.start('prueba', () =>
      runAuditedWrite(app.db, app.session, 'prueba.escribir', async (trx, audit) => {
        await trx('settings').insert({ key: 'prueba', value: '1' });
        await audit({ entity: 'setting', entityId: 'prueba', action: 'create' });
        return 'listo';
      }),
    );
    expect(await app.jobs.wait(ok)).toMatchObject({ state: 'done', result: 'listo' });
    expect(await app.db('audit_log').where({ channel: 'prueba.escribir' })).toHaveLength(1);

    const before = await snapshot(app.db);
    const silent = app.jobs.start('prueba', () =>
      runAuditedWrite(app.db, app.session, 'prueba.escribir', async (trx) => {
        await trx('settings').insert({ key: 'otra', value: '1' });
      }),
    );
    expect(await app.jobs.wait(silent)).toMatchObject({ state: 'failed', error: { code: 'internal' } });
    expect(await snapshot(app.db)).toBe(before);
  });
});

describe('the jobs channels', () => {
  it('jobs.status and jobs.cancel answer a job of this session', async () => {
    const hold = gate();
    const id = app.jobs.start('prueba', async (job) => {
      job.progress(2, 10, 'validate');
      await hold.opened;
      job.signal.throwIfAborted();
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(await app.ok('jobs.status', { id })).toMatchObject({ id, state: 'running', done: 2, total: 10, phase: 'validate' });
    expect(await app.ok('jobs.cancel', { id })).toMatchObject({ id, state: 'running' });
    hold.open();
    await app.jobs.wait(id);
    expect(await app.ok('jobs.status', { id })).toMatchObject({ state: 'cancelled' });
  });

  it('an unknown job answers not_found in Spanish', async () => {
    for (const name of ['jobs.status', 'jobs.cancel'] as const) {
      expect(await app.call(name, { id: '00000000-0000-0000-0000-000000000000' })).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: 'La tarea ya no existe: terminó hace tiempo o la aplicación se reinició.' },
      });
    }
  });
});
