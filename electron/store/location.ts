// Where a report file lives, as far as the operating system tells: on this computer's disk, on a
// network share, or in a folder a sync client (OneDrive, Dropbox, ...) copies around. SQLite must
// not keep a file open on a network share or under a sync client (its locks do not hold there and
// a half-synced WAL corrupts the database), so such a file is copied in to work on and written
// back as a closed copy (see working-copy.ts).
import fs from 'node:fs';
import path from 'node:path';

export type LocationKind = 'local' | 'network' | 'synced';

export interface FileLocation {
  kind: LocationKind;
  /** Why, in a few words: "NFS share", "UNC path", "OneDrive folder". */
  why: string;
}

/** Linux statfs f_type magic numbers of file systems that live elsewhere. */
const NETWORK_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x6969, 'NFS share'],
  [0x517b, 'SMB share'],
  [0xff534d42, 'CIFS share'],
  [0xfe534d42, 'SMB2 share'],
  [0x5346414f, 'AFS share'],
  [0x01021997, '9P share'],
  [0x00c36400, 'Ceph share'],
  // FUSE: sshfs, rclone, and the sync clients that mount a drive (Google Drive, OneDrive on Linux).
  [0x65735546, 'FUSE file system'],
]);

/** Folders sync clients keep in step with a server, by a segment of the path. */
const SYNCED_FOLDER =
  /(?:^|[\\/])(OneDrive(?: - [^\\/]+)?|Dropbox(?: \([^\\/)]+\))?|Google Drive|GoogleDrive|My Drive|iCloud Drive|Mobile Documents|Box|Box Sync|Nextcloud|ownCloud|Seafile|pCloud Drive|MEGA|Sync)(?:[\\/]|$)/i;

export interface LocateOptions {
  platform?: NodeJS.Platform;
  /** The file system type of a folder (Linux statfs f_type); null when it cannot be read. */
  fileSystemType?: (dir: string) => number | null;
}

function statfsType(dir: string): number | null {
  try {
    return fs.statfsSync(dir).type;
  } catch {
    return null;
  }
}

/** The nearest existing folder of a path (a new file's folder exists; its parents may be asked too). */
function existingFolder(file: string): string {
  let dir = path.dirname(path.resolve(file));
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export function fileLocation(file: string, { platform = process.platform, fileSystemType = statfsType }: LocateOptions = {}): FileLocation {
  // Windows network paths: \\server\share\... (and //server/share/...). Mapped drive letters are
  // not told apart here without a system call Node does not offer.
  if (platform === 'win32' && /^(?:\\\\|\/\/)(?![?.][\\/])[^\\/]+[\\/][^\\/]+/.test(file)) return { kind: 'network', why: 'UNC path' };
  const synced = SYNCED_FOLDER.exec(file);
  if (synced) return { kind: 'synced', why: `${synced[1]} folder` };
  if (platform === 'linux') {
    const type = fileSystemType(existingFolder(file));
    const name = type === null ? undefined : NETWORK_FILE_SYSTEMS.get(type);
    if (name) return { kind: 'network', why: name };
  }
  return { kind: 'local', why: 'this computer’s disk' };
}
