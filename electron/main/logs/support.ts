import fs from 'node:fs';
import type { Translate } from '../i18n';
import { redact } from './log';

/** What the support information tells (menu Ayuda → Información para soporte). */
export interface SupportFacts {
  appVersion: string;
  electronVersion: string;
  /** The operating system as Node names it: platform, release, architecture. */
  os: string;
  mode: 'sqlite' | 'server';
  /** The database file's size (SQLite); null on the office's server. */
  dbBytes: number | null;
  /** The last backup's name (its folder), or null. */
  lastBackup: string | null;
  /** The log's last errors (logs/log.ts: already redacted). */
  lastErrors: readonly string[];
  logsDir: string | null;
}

/** The size of a file in bytes, or null when it cannot be read. */
export function fileBytes(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The support information as plain text, in the user's language, to paste into a message. */
export function supportInfo(t: Translate, facts: SupportFacts): string {
  const s = (key: string) => t(`app.support.${key}`);
  const lines = [
    s('title'),
    '',
    `${s('appVersion')}: ${facts.appVersion}`,
    `${s('electronVersion')}: ${facts.electronVersion}`,
    `${s('os')}: ${facts.os}`,
    `${s('mode')}: ${s(facts.mode === 'server' ? 'modeServer' : 'modeSqlite')}`,
    ...(facts.mode === 'sqlite' ? [`${s('dbSize')}: ${facts.dbBytes === null ? s('unknown') : megabytes(facts.dbBytes)}`] : []),
    `${s('lastBackup')}: ${facts.lastBackup ?? s('noBackup')}`,
    `${s('logsDir')}: ${facts.logsDir ?? s('unknown')}`,
    `${s('lastErrors')}:${facts.lastErrors.length === 0 ? ` ${s('noErrors')}` : ''}`,
    ...facts.lastErrors.map((e) => `  ${e}`),
  ];
  return lines.join('\n');
}

/**
 * The details an unexpected error's dialog copies (Copiar detalles): the versions, the system
 * and the error with its stack, redacted as the log is (logs/log.ts): what support needs, no personal data.
 */
export function errorDetails(facts: Pick<SupportFacts, 'appVersion' | 'electronVersion' | 'os'>, err: unknown): string {
  return [
    `ArteINPE ${facts.appVersion} · Electron ${facts.electronVersion} · ${facts.os}`,
    redact('error', { error: err }).replace(/^error error=/, ''),
  ].join('\n');
}
