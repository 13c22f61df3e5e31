/**
 * Office mode: is the shared attachments folder on the same machine as the office's
 * database server? (Settings → Base de datos → Archivos adjuntos warns when it is not: the
 * photos would then live apart from the database and its backups, on a machine that may
 * be switched off.) Pure: compares names as written, no name lookup.
 */

export type FolderPlacement =
  /** The folder's host is the database server (or both are this PC). */
  | { kind: 'sameHost' }
  /** A network folder (\\host\share) on another machine than the database server. */
  | { kind: 'otherHost'; folderHost: string; serverHost: string }
  /** Not a network path (a drive letter such as Z:\ or a folder of this PC): its machine cannot be told. */
  | { kind: 'notNetwork'; serverHost: string };

/** The machine of a network path — \\host\share, //host/share or \\?\UNC\host\share — as written; null for any other path. */
export function folderHost(folder: string): string | null {
  const f = folder.trim().replace(/\//g, '\\');
  const m = /^\\\\\?\\UNC\\([^\\]+)\\/i.exec(f) ?? (/^\\\\\?\\/.test(f) ? null : /^\\\\([^\\]+)\\/.exec(f));
  return m ? m[1]! : null;
}

const normal = (host: string): string =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');

const isIpv4 = (h: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(h);
const isIp = (h: string) => isIpv4(h) || h.includes(':');

/** This very PC: localhost, 127.x.x.x, ::1. */
export const isLoopback = (host: string): boolean => {
  const h = normal(host);
  return h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
};

/**
 * Whether two host names name the same machine, as far as the text tells: equal ignoring
 * case and a final dot, both this PC, or a Windows short name and a full name that starts
 * with it (SERVIDOR and servidor.inpe.local). An IP address and a name are different.
 */
export function sameHost(a: string, b: string): boolean {
  const x = normal(a);
  const y = normal(b);
  if (x === y) return true;
  if (isLoopback(x) && isLoopback(y)) return true;
  if (isIp(x) || isIp(y)) return false;
  const [short, full] = x.includes('.') ? [y, x] : [x, y];
  return !short.includes('.') && full.split('.')[0] === short;
}

/** Where the shared folder is compared with the database server the PCs use. */
export function sharedFolderPlacement(folder: string, serverHost: string): FolderPlacement {
  const host = folderHost(folder);
  if (host === null) return isLoopback(serverHost) ? { kind: 'sameHost' } : { kind: 'notNetwork', serverHost };
  return sameHost(host, serverHost) ? { kind: 'sameHost' } : { kind: 'otherHost', folderHost: host, serverHost };
}
