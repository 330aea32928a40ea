// Files on network shares and in synced folders: told apart where the system tells, and never kept
// open there. The report is worked on as a copy on local disk and written back, closed, when it is
// closed; if the original changed meanwhile, the copy goes beside it and nothing is lost.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../electron/hosts/host.js';
import { fileLocation, mountTypeOf } from '../../electron/store/location.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { getReport } from '../../electron/store/queries.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { sha256, tempDir, TestClient } from './helpers.js';

describe('where a file lives', () => {
  it('knows network shares by UNC path on Windows and by file system type on Linux, and synced folders by name', () => {
    expect(fileLocation('\\\\ministry-fs\\upr\\report.upr', { platform: 'win32' })).toEqual({ kind: 'network', why: 'UNC path' });
    expect(fileLocation('//ministry-fs/upr/report.upr', { platform: 'win32' })).toMatchObject({ kind: 'network' });
    expect(fileLocation('C:\\Users\\maria\\Documents\\report.upr', { platform: 'win32', driveType: () => 'Fixed' })).toMatchObject({ kind: 'local' });
    expect(fileLocation('C:\\Users\\maria\\OneDrive - Ministry of Foreign Affairs\\UPR\\report.upr', { platform: 'win32' })).toEqual({
      kind: 'synced',
      why: 'OneDrive - Ministry of Foreign Affairs folder',
    });
    expect(fileLocation('/Users/maria/Library/Mobile Documents/com~apple~CloudDocs/report.upr', { platform: 'darwin' })).toMatchObject({ kind: 'synced' });
    expect(fileLocation('/home/maria/Dropbox/UPR/report.upr', { platform: 'linux', fileSystemType: () => 0xef53 })).toMatchObject({ kind: 'synced' });
    expect(fileLocation('/mnt/share/report.upr', { platform: 'linux', fileSystemType: () => 0x6969 })).toEqual({ kind: 'network', why: 'NFS share' });
    expect(fileLocation('/mnt/share/report.upr', { platform: 'linux', fileSystemType: () => 0xfe534d42 })).toEqual({ kind: 'network', why: 'SMB2 share' });
    expect(fileLocation('/home/maria/report.upr', { platform: 'linux', fileSystemType: () => 0xef53 })).toMatchObject({ kind: 'local' });
    // This machine's temporary folder is local disk.
    expect(fileLocation(path.join(tempDir(), 'r.upr'))).toMatchObject({ kind: 'local' });
  });

  it('knows a Windows drive letter mapped to a share, asking the system once per letter', () => {
    const asked: string[] = [];
    const driveType = (letter: string) => (asked.push(letter), letter.toUpperCase() === 'Z' ? 'Network' : 'Fixed');
    expect(fileLocation('Z:\\UPR\\report.upr', { platform: 'win32', driveType })).toEqual({ kind: 'network', why: 'network drive Z:' });
    expect(fileLocation('z:/UPR/report.upr', { platform: 'win32', driveType })).toMatchObject({ kind: 'network' });
    expect(fileLocation('C:\\Users\\maria\\report.upr', { platform: 'win32', driveType })).toMatchObject({ kind: 'local' });
    // When the system cannot say, the file is taken as local (as before this was asked).
    expect(fileLocation('Y:\\report.upr', { platform: 'win32', driveType: () => null })).toMatchObject({ kind: 'local' });
    expect(asked).toEqual(['Z', 'z', 'C']);
  });

  it('knows a macOS network volume from the mount table, and File Provider sync folders by name', () => {
    // As macOS 14's `mount` prints it.
    const table = [
      '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
      '/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect, root data)',
      'map auto_home on /System/Volumes/Data/home (autofs, automounted, nobrowse)',
      '//maria@ministry-fs._smb._tcp.local/UPR on /Volumes/UPR (smbfs, nodev, nosuid, mounted by maria)',
      'archive:/exports/upr on /Volumes/UPR Archive (nfs, nodev, nosuid, mounted by maria)',
      '/dev/disk4s1 on /Volumes/USB stick (msdos, local, nodev, nosuid, noowners, noatime, mounted by maria)',
    ].join('\n');
    expect(mountTypeOf('/Volumes/UPR/2026', table)).toBe('smbfs');
    expect(mountTypeOf('/Volumes/UPR Archive', table)).toBe('nfs');
    expect(mountTypeOf('/Volumes/UPRX', table)).toBe('apfs'); // not inside /Volumes/UPR
    expect(mountTypeOf('/Users/maria', table)).toBe('apfs');
    expect(fileLocation('/Volumes/UPR/2026/report.upr', { platform: 'darwin', mountTable: () => table })).toEqual({ kind: 'network', why: 'SMB share' });
    expect(fileLocation('/Volumes/UPR Archive/report.upr', { platform: 'darwin', mountTable: () => table })).toEqual({ kind: 'network', why: 'NFS share' });
    expect(fileLocation('/Volumes/USB stick/report.upr', { platform: 'darwin', mountTable: () => table })).toMatchObject({ kind: 'local' });
    expect(fileLocation('/Volumes/UPR/report.upr', { platform: 'darwin', mountTable: () => null })).toMatchObject({ kind: 'local' });
    expect(fileLocation('/Users/maria/Library/CloudStorage/OneDrive-Personal/UPR/report.upr', { platform: 'darwin', mountTable: () => table })).toEqual({
      kind: 'synced',
      why: 'CloudStorage folder',
    });
  });
});

describe('a report on a network share', () => {
  function shared() {
    const share = tempDir();
    const file = path.join(share, 'report.upr');
    createDemoReport(file).close();
    const dataDir = tempDir();
    const host = new Host({ dataDir, locate: (f) => (f.startsWith(share) ? { kind: 'network', why: 'SMB share' } : { kind: 'local', why: '' }) });
    return { share, file, host, dataDir };
  }

  it('is worked on as a copy on local disk, never open where it is, and written back closed when closed', async () => {
    const { file, host, dataDir } = shared();
    const before = sha256(file);
    const c = new TestClient(host);
    await c.call('app.openReport', { path: file });
    await c.signInAs('Maria Santos');
    await c.call('report.update', { title: 'National report, as saved on the share' });
    // The share's file is untouched and has no journal beside it while the report is open.
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, 'working')).some((f) => f.endsWith('.upr'))).toBe(true);
    expect((await c.call('app.current')).path).toBe(file);

    await c.call('app.closeReport');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const back = OpenReport.open(file);
    expect(getReport(back.db).title).toBe('National report, as saved on the share');
    back.close();
  });

  it('is created on the share as a closed copy, and worked on as a copy from the start', async () => {
    const { share, host, dataDir } = shared();
    const file = path.join(share, 'new report.upr');
    const c = new TestClient(host);
    const made = await c.call('app.newReport', { path: file, country: 'Slovenia', cycle: 4, language: 'en', yourName: 'Ana Novak', yourOrganization: 'Ministry of Foreign Affairs' });
    expect(made.path).toBe(file);
    // The creator is signed in, as when a report is created on local disk.
    await c.call('report.update', { title: 'Made on the share' });
    // What is on the share is a closed file, with no journal beside it, and is not the file open.
    expect(fs.readdirSync(share).filter((f) => f.startsWith('new report'))).toEqual(['new report.upr']);
    expect([...fs.readFileSync(file).subarray(18, 20)]).toEqual([1, 1]);
    expect(fs.readdirSync(path.join(dataDir, 'working')).filter((f) => f.startsWith('new-'))).toEqual([]);
    await c.call('app.closeReport');
    const back = OpenReport.open(file);
    expect(getReport(back.db).title).toBe('Made on the share');
    back.close();
    // A file already there is not written over.
    await expect(c.call('app.newReport', { path: file, country: 'Slovenia', cycle: 4, language: 'en', yourName: 'Ana Novak', yourOrganization: 'Ministry of Foreign Affairs' })).rejects.toThrow(/already exists/);
  });

  it('puts the copy beside the original when the original changed meanwhile, leaving both', async () => {
    const { share, file, host } = shared();
    const c = new TestClient(host);
    await c.call('app.openReport', { path: file });
    await c.signInAs('Maria Santos');
    await c.call('report.update', { title: 'Our version' });
    // Another office saves over the shared file meanwhile.
    const other = OpenReport.open(file);
    other.db.prepare("UPDATE report SET title = 'Their version'").run();
    other.close();
    const theirs = sha256(file);
    await c.call('app.closeReport');
    expect(sha256(file)).toBe(theirs);
    const beside = fs.readdirSync(share).filter((f) => f.startsWith('report (changed here ') && f.endsWith(').upr'));
    expect(beside).toHaveLength(1);
    const ours = OpenReport.open(path.join(share, beside[0]!));
    expect(getReport(ours.db).title).toBe('Our version');
    ours.close();
  });
});
