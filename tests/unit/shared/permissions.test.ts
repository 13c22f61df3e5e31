import { describe, expect, it } from 'vitest';
import { classify, importTargetModule, mayCall, mayImport, roleHas, roles, type Role } from '../../../shared/auth/permissions';
import { channelNames, type ChannelName } from '../../../shared/channels';
import { contract } from '../../../shared/contract';
import { importTargets } from '../../../shared/import/schemas';

const kindOf = (c: ChannelName) => contract[c].kind;
const may = (role: Role, c: string, kind: 'query' | 'write' | 'action' = 'query') => mayCall(role, c, kind, importTargets);

describe('the permission table (shared/auth/permissions.ts)', () => {
  it('classifies every channel of the contract: a new module must add its prefix', () => {
    const unclassified = channelNames.filter((c) => classify(c, kindOf(c)) === null);
    expect(unclassified, `sin regla de permisos: ${unclassified.join(', ')}`).toEqual([]);
  });

  it('maps every import target to a module some role may write', () => {
    for (const target of importTargets) {
      expect(classify(`${importTargetModule(target)}.import`, 'write'), target).not.toBeNull();
      expect(mayImport('administrador', target)).toBe(true);
    }
    expect(mayImport('inventario', 'instruments')).toBe(true);
    expect(mayImport('inventario', 'establishments')).toBe(false);
    expect(mayImport('consulta', 'instruments')).toBe(false);
  });

  it('an unclassified channel is the administrador’s only', () => {
    expect(classify('telemetria.enviar', 'action')).toBeNull();
    for (const r of roles) expect(may(r, 'telemetria.enviar', 'action')).toBe(r === 'administrador');
  });

  it('gives each role its modules, as the office works', () => {
    expect(may('inventario', 'instruments.move', 'write')).toBe(true);
    expect(may('inventario', 'stocktakes.close', 'write')).toBe(true);
    expect(may('inventario', 'teachers.create', 'write')).toBe(false);
    expect(may('contratos', 'contracts.create', 'write')).toBe(true);
    expect(may('contratos', 'instruments.create', 'write')).toBe(false);
    expect(may('exposiciones', 'artworks.create', 'write')).toBe(true);
    expect(may('exposiciones', 'workshops.list')).toBe(false);
    expect(may('programas', 'workshops.create', 'write')).toBe(true);
    expect(may('programas', 'participants.list')).toBe(true);
    expect(may('programas', 'inventory.summary')).toBe(false);
  });

  it('the read-only role reads the modules and writes nothing; participants are not for it', () => {
    expect(may('consulta', 'instruments.list', 'query')).toBe(true);
    expect(may('consulta', 'teachers.list', 'query')).toBe(true);
    expect(may('consulta', 'instruments.create', 'write')).toBe(false);
    expect(may('consulta', 'instruments.export', 'action')).toBe(false);
    expect(may('consulta', 'participants.list', 'query')).toBe(false);
    // Their own settings only: the password, the language, the kinds of reminder they hear, their saved views
    // (and the first run's site installation, public, which answers only on a new database without accounts).
    const ownSettings = ['app.setLocale', 'notifications.setMuted', 'lists.saveView', 'lists.removeView', 'sites.install'];
    for (const c of channelNames) {
      if (kindOf(c) === 'write' && !c.startsWith('auth.') && !ownSettings.includes(c)) expect(may('consulta', c, 'write'), c).toBe(false);
    }
  });

  it('users, audit, backups, settings, demo data and establishment writes are the administrador’s', () => {
    for (const r of roles.filter((x) => x !== 'administrador')) {
      for (const c of [
        'users.list',
        'audit.list',
        'backups.create',
        'backups.restore',
        'demo.load',
        'establishments.create',
        'establishments.delete',
        'settings.save',
      ]) {
        expect(may(r, c, c.endsWith('.list') ? 'query' : 'write'), `${r} ${c}`).toBe(false);
      }
      // …while everyone signed in reads the reference lists and uses the app's own channels.
      for (const c of [
        'establishments.list',
        'regionalOffices.list',
        'dashboard.summary',
        'app.setLocale',
        'jobs.status',
        'auth.changePassword',
      ]) {
        expect(may(r, c), `${r} ${c}`).toBe(true);
      }
    }
  });

  it('only the sign-in channels, the first run’s site installation and the window error report are public', () => {
    const publicOnes = channelNames.filter((c) => classify(c, kindOf(c))?.type === 'public');
    expect(publicOnes.sort()).toEqual(['app.info', 'app.reportError', 'auth.setupAdmin', 'auth.signIn', 'auth.status', 'sites.install']);
  });

  it('personal data is for the administrador and programas only', () => {
    expect(roles.filter((r) => roleHas(r, 'personalData'))).toEqual(['administrador', 'programas']);
  });
});
