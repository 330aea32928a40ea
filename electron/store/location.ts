// Where a report file lives, as far as the operating system tells: on this computer's disk, on a
// network share, or in a folder a sync client (OneDrive, Dropbox, ...) copies around. SQLite must
// not keep a file open on a network share or under a sync client (its locks do not hold there and
// a half-synced WAL corrupts the database), so such a file is copied in to work on and written
// back as a closed copy (see working-copy.ts).
import { execFileSync } from 'node:child_process';
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

/** macOS mount types (as `mount` lists them) of file systems that live elsewhere. */
const NETWORK_MOUNT_TYPES: ReadonlyMap<string, string> = new Map([
  ['smbfs', 'SMB share'],
  ['nfs', 'NFS share'],
  ['afpfs', 'AFP share'],
  ['webdav', 'WebDAV share'],
  ['cifs', 'CIFS share'],
  ['macfuse', 'FUSE file system'],
  ['osxfuse', 'FUSE file system'],
  ['fuse', 'FUSE file system'],
]);

/**
 * Folders sync clients keep in step with a server, by a segment of the path. On macOS the clients
 * that use Apple's File Provider (OneDrive, Dropbox, Google Drive, Box) all live under
 * ~/Library/CloudStorage.
 */
const SYNCED_FOLDER =
  /(?:^|[\\/])(OneDrive(?: - [^\\/]+)?|Dropbox(?: \([^\\/)]+\))?|Google Drive|GoogleDrive|My Drive|iCloud Drive|Mobile Documents|CloudStorage|Box|Box Sync|Nextcloud|ownCloud|Seafile|pCloud Drive|MEGA|Sync)(?:[\\/]|$)/i;

export interface LocateOptions {
  platform?: NodeJS.Platform;
  /** The file system type of a folder (Linux statfs f_type); null when it cannot be read. */
  fileSystemType?: (dir: string) => number | null;
  /** Windows: the type of a drive ("Network", "Fixed", ... as .NET's DriveInfo says); null when unknown. */
  driveType?: (letter: string) => string | null;
  /** macOS: the mounted file systems, as `mount` prints them; null when it cannot be run. */
  mountTable?: () => string | null;
}

/** Asking the system takes a child process: once per drive letter per session. */
const driveTypes = new Map<string, string | null>();

function windowsDriveType(letter: string): string | null {
  const key = letter.toUpperCase();
  // Windows' own drive is never a mapped share: most reports open without starting PowerShell.
  if (key === (process.env.SystemDrive ?? 'C:').charAt(0).toUpperCase()) return 'Fixed';
  if (!driveTypes.has(key)) driveTypes.set(key, askDriveType(key));
  return driveTypes.get(key)!;
}

function askDriveType(letter: string): string | null {
  try {
    const out = execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', `[System.IO.DriveInfo]::new('${letter}:\\').DriveType`], {
      encoding: 'utf8',
      timeout: 5000,
      windowsHide: true,
    });
    return out.trim() || null;
  } catch {
    return null;
  }
}

function macMountTable(): string | null {
  try {
    return execFileSync('/sbin/mount', [], { encoding: 'utf8', timeout: 5000 });
  } catch {
    return null;
  }
}

/**
 * The type of the file system a folder is on, from a macOS `mount` listing
 * ("//maria@fs/upr on /Volumes/upr (smbfs, nodev, nosuid, mounted by maria)"): the mount point that
 * is the longest prefix of the folder.
 */
export function mountTypeOf(dir: string, table: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of table.split('\n')) {
    const m = / on (\/.*?) \(([^,)]+)/.exec(line);
    if (!m) continue;
    const point = m[1]!;
    const inside = point === '/' || dir === point || dir.startsWith(`${point}/`);
    if (inside && (!best || point.length > best.point.length)) best = { point, type: m[2]!.trim() };
  }
  return best?.type ?? null;
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

/** A folder with its symbolic links resolved (as `mount` names mount points), or as given. */
function realFolder(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

export function fileLocation(
  file: string,
  { platform = process.platform, fileSystemType = statfsType, driveType = windowsDriveType, mountTable = macMountTable }: LocateOptions = {},
): FileLocation {
  // Windows network paths: \\server\share\... (and //server/share/...), and drive letters mapped
  // to a share.
  if (platform === 'win32' && /^(?:\\\\|\/\/)(?![?.][\\/])[^\\/]+[\\/][^\\/]+/.test(file)) return { kind: 'network', why: 'UNC path' };
  const drive = platform === 'win32' ? /^([A-Za-z]):/.exec(file) : null;
  if (drive && driveType(drive[1]!) === 'Network') return { kind: 'network', why: `network drive ${drive[1]!.toUpperCase()}:` };
  const synced = SYNCED_FOLDER.exec(file);
  if (synced) return { kind: 'synced', why: `${synced[1]} folder` };
  if (platform === 'linux') {
    const type = fileSystemType(existingFolder(file));
    const name = type === null ? undefined : NETWORK_FILE_SYSTEMS.get(type);
    if (name) return { kind: 'network', why: name };
  }
  if (platform === 'darwin') {
    const table = mountTable();
    const type = table === null ? null : mountTypeOf(realFolder(path.dirname(path.resolve(file))), table);
    const name = type === null ? undefined : NETWORK_MOUNT_TYPES.get(type);
    if (name) return { kind: 'network', why: name };
  }
  return { kind: 'local', why: 'this computer’s disk' };
}
