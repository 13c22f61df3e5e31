import { describe, expect, it } from 'vitest';
import { folderHost, sameHost, sharedFolderPlacement } from '../../../shared/office/hosts';

/** Issue 12: is the office's shared attachments folder on the database server's machine? */
describe('the shared folder compared with the database server', () => {
  it('reads the machine of a network path, and none of a drive or local path', () => {
    expect(folderHost('\\\\servidor\\arteinpe\\adjuntos')).toBe('servidor');
    expect(folderHost('  \\\\SERVIDOR.inpe.local\\adjuntos ')).toBe('SERVIDOR.inpe.local');
    expect(folderHost('//192.168.1.20/adjuntos')).toBe('192.168.1.20');
    expect(folderHost('\\\\?\\UNC\\servidor\\adjuntos')).toBe('servidor');
    expect(folderHost('\\\\?\\C:\\adjuntos')).toBeNull();
    expect(folderHost('Z:\\adjuntos')).toBeNull();
    expect(folderHost('/srv/adjuntos')).toBeNull();
  });

  it('names the same machine ignoring case, a final dot, the domain of a short name, and this PC under its names', () => {
    expect(sameHost('SERVIDOR', 'servidor')).toBe(true);
    expect(sameHost('servidor', 'servidor.inpe.local.')).toBe(true);
    expect(sameHost('localhost', '127.0.0.1')).toBe(true);
    expect(sameHost('[::1]', 'localhost')).toBe(true);
    expect(sameHost('servidor', 'servidor2')).toBe(false);
    expect(sameHost('servidor.inpe.local', 'servidor.otra.local')).toBe(false);
    // An address and a name cannot be told apart without asking the network: different.
    expect(sameHost('192.168.1.20', 'servidor')).toBe(false);
    expect(sameHost('192.168.1.20', '192.168.1.20')).toBe(true);
  });

  it('warns when the folder is on another machine, or its machine cannot be told', () => {
    expect(sharedFolderPlacement('\\\\servidor\\arteinpe\\adjuntos', 'servidor')).toEqual({ kind: 'sameHost' });
    expect(sharedFolderPlacement('\\\\nas-oficina\\adjuntos', 'servidor')).toEqual({
      kind: 'otherHost',
      folderHost: 'nas-oficina',
      serverHost: 'servidor',
    });
    expect(sharedFolderPlacement('Z:\\adjuntos', 'servidor')).toEqual({ kind: 'notNetwork', serverHost: 'servidor' });
    // The database server runs on this very PC: a folder of this PC is on its machine.
    expect(sharedFolderPlacement('D:\\arteinpe\\adjuntos', 'localhost')).toEqual({ kind: 'sameHost' });
  });
});
