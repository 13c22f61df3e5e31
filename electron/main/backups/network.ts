import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder must never be on a network share (SQLite's locking is not safe over
 * SMB/NFS, and a dropped connection corrupts the file). Pure rules here, with one thin
 * function that asks the operating system for its mapped drives or mounts.
 */
export type NetworkShareKind = 'unc' | 'mapped' | 'remote';

export interface Mount {
  mountPoint: string;
  fsType: string;
}

export interface ShareEnvironment {
  platform: NodeJS.Platform;
  /** Windows: drive letters mapped to a network share ("Z"), from `net use`. */
  networkDrives?: readonly string[];
  /** Linux: the mounted file systems, from /proc/mounts. */
  mounts?: readonly Mount[];
}

const remoteFsTypes = /^(nfs|nfs4|cifs|smb|smbfs|smb2|smb3|afpfs|sshfs|fuse\.sshfs|davfs|fuse\.davfs2|webdav|9p|ncpfs|fuse\.rclone)$/i;

/** Whether a folder is on a network share, and how; null when it is local. */
export function networkShareOf(folder: string, env: ShareEnvironment): NetworkShareKind | null {
  if (env.platform === 'win32') {
    const p = folder.replace(/\//g, '\\');
    // \\?\C:\… and \\.\C:\… are local paths in long or device form; \\?\UNC\server\share is a share.
    if (/^\\\\\?\\UNC\\/i.test(p)) return 'unc';
    if (/^\\\\[?.]\\[A-Za-z]:/.test(p)) {
      const letter = p[4]!.toUpperCase();
      return (env.networkDrives ?? []).some((d) => d.toUpperCase() === letter) ? 'mapped' : null;
    }
    if (/^\\\\[^\\]+\\[^\\]+/.test(p)) return 'unc';
    const drive = /^([A-Za-z]):/.exec(p)?.[1]?.toUpperCase();
    if (drive && (env.networkDrives ?? []).some((d) => d.toUpperCase() === drive)) return 'mapped';
    return null;
  }
  const abs = path.posix.resolve(folder);
  let best: Mount | null = null;
  for (const m of env.mounts ?? []) {
    const mp = m.mountPoint === '/' ? '/' : m.mountPoint.replace(/\/+$/, '');
    const inside = mp === '/' || abs === mp || abs.startsWith(`${mp}/`);
    if (inside && (!best || mp.length > best.mountPoint.length)) best = { mountPoint: mp, fsType: m.fsType };
  }
  return best && remoteFsTypes.test(best.fsType) ? 'remote' : null;
}

/**
 * The drive letters `net use` lists as connected to a share, in any language of Windows
 * ("OK", "Conectado", "Unavailable", "No disponible"…): a letter and colon followed by \\server.
 */
export function parseNetUse(output: string): string[] {
  const out: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /(?:^|\s)([A-Za-z]):\s+\\\\[^\\\s]+\\/.exec(line);
    if (m) out.push(m[1]!.toUpperCase());
  }
  return [...new Set(out)];
}

/** /proc/mounts: "device mountpoint fstype options 0 0", with spaces in paths written \040. */
export function parseMounts(text: string): Mount[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 3)
    .map((f) => ({ mountPoint: unescape(f[1]!), fsType: f[2]! }));
}

/** Asks the machine (net use on Windows, /proc/mounts on Linux); answers null when it cannot tell. */
export async function detectNetworkShare(folder: string): Promise<NetworkShareKind | null> {
  let real = folder;
  try {
    real = fs.realpathSync.native(folder);
  } catch {
    // A folder not created yet: judge the path as given.
  }
  if (process.platform === 'win32') {
    const output = await new Promise<string>((resolve) =>
      execFile('net', ['use'], { timeout: 5000, windowsHide: true }, (err, stdout) => resolve(err ? '' : stdout)),
    );
    return networkShareOf(real, { platform: 'win32', networkDrives: parseNetUse(output) });
  }
  let mounts: Mount[] = [];
  try {
    mounts = parseMounts(fs.readFileSync('/proc/mounts', 'utf8'));
  } catch {
    // No /proc (macOS): only UNC-like rules apply, none on POSIX paths.
  }
  return networkShareOf(real, { platform: process.platform, mounts });
}
