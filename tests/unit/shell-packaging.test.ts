// The shell's build and packaging, tested as far as this machine allows (no Electron binary): the
// esbuild bundles, `npm start`'s launcher, electron-builder.yml against electron-builder's own
// schema, and the bundled main process run in Node against a stand-in for the 'electron' module.
// Child processes use process.execPath: the Node 22 that runs vitest (from the `node` devDependency).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_FILE } from '../../electron/export/print.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.js';
import { tempDir } from './helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const MISSING =
  'upr: the Electron binary is not installed here (it could not be downloaded); run "npm run serve" to use the app in a browser instead.';

let appDir: string;
let mainCjs: string;
let preloadCjs: string;

beforeAll(() => {
  // A throwaway app folder laid out like the packaged one: dist-electron/ and dist/renderer/.
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-shell-'));
  execFileSync(process.execPath, [path.join(root, 'electron', 'build.mjs'), '--outdir', path.join(appDir, 'dist-electron')], {
    stdio: 'pipe',
  });
  mainCjs = path.join(appDir, 'dist-electron', 'main.cjs');
  preloadCjs = path.join(appDir, 'dist-electron', 'preload.cjs');
  return () => fs.rmSync(appDir, { recursive: true, force: true });
}, 60_000);

/** The modules a bundle still loads at run time with require("..."). */
function requires(file: string): string[] {
  return [...new Set([...fs.readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))];
}

describe('the Electron build', () => {
  it('bundles the main process and the preload into dist-electron as CommonJS', () => {
    expect(fs.existsSync(mainCjs)).toBe(true);
    expect(fs.existsSync(preloadCjs)).toBe(true);
    expect(fs.readFileSync(mainCjs, 'utf8')).toContain('"use strict"');
  });

  it('leaves Electron and better-sqlite3 outside the main bundle', () => {
    const main = fs.readFileSync(mainCjs, 'utf8');
    expect(requires(mainCjs)).toEqual(expect.arrayContaining(['electron', 'better-sqlite3']));
    // A line of better-sqlite3's own source: present only if the package were inlined.
    expect(main).not.toContain('Expected the file descriptor to be a non-negative 32-bit integer');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const m of requires(mainCjs).filter((m) => m !== 'electron' && !isBuiltin(m))) {
      expect(Object.keys(pkg.dependencies), `${m} must be a production dependency to be packaged`).toContain(m);
    }
  });

  it('keeps the preload tiny: it loads only electron and carries no schemas', () => {
    expect(requires(preloadCjs)).toEqual(['electron']);
    expect(fs.statSync(preloadCjs).size).toBeLessThan(10_000);
  });
});

describe('npm start without the Electron binary', () => {
  it('prints one clear line and exits 1', () => {
    const empty = tempDir();
    const r = spawnSync(process.execPath, [path.join(root, 'electron', 'launch.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([MISSING]);
  });

  it.skipIf(process.platform === 'win32')('starts the binary with the app folder and passes on its exit code', () => {
    const dist = tempDir();
    fs.writeFileSync(path.join(dist, process.platform === 'darwin' ? 'Electron' : 'electron'), '#!/bin/sh\necho "started: $@"\nexit 3\n', {
      mode: 0o755,
    });
    if (process.platform === 'darwin') {
      fs.mkdirSync(path.join(dist, 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
      fs.renameSync(path.join(dist, 'Electron'), path.join(dist, 'Electron.app', 'Contents', 'MacOS', 'Electron'));
    }
    const r = spawnSync(process.execPath, [path.join(root, 'electron', 'launch.mjs'), 'Kenya.upr'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist },
    });
    expect(r.stdout.trim()).toBe(`started: ${root} Kenya.upr`);
    expect(r.status).toBe(3);
  });
});

describe('electron-builder.yml', () => {
  const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Configuration;

  it("passes electron-builder's own schema", async () => {
    const requireFromBuilder = createRequire(createRequire(path.join(root, 'package.json')).resolve('electron-builder'));
    const { validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (c: Configuration, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('never rebuilds native modules, and unpacks better-sqlite3 from the archive', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.appId).toBe('org.upr.workbench');
    expect(config.productName).toBe('UPR Workbench');
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
  });

  it('opens .upr files, with a document icon for macOS and Windows', () => {
    const associations = [config.fileAssociations].flat();
    const upr = associations.find((a) => [a?.ext].flat().includes('upr'));
    expect(upr).toMatchObject({ name: 'UPR report', role: 'Editor', icon: 'report' });
    expect(fs.existsSync(path.join(root, 'build', 'report.icns'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'build', 'report.ico'))).toBe(true);
    // Windows registers associations only for per-machine installs.
    expect(config.nsis?.perMachine).toBe(true);
  });

  it('packs every file the main bundle needs at run time', () => {
    const patterns = [config.files].flat().filter((p): p is string => typeof p === 'string');
    const included = (file: string) => {
      let yes = false;
      for (const p of patterns) {
        if (p.startsWith('!') ? path.matchesGlob(file, p.slice(1)) : path.matchesGlob(file, p)) yes = !p.startsWith('!');
      }
      return yes;
    };
    // The paged-media engine the PDF is laid out with, copied beside the bundle by the build.
    expect(fs.existsSync(path.join(path.dirname(mainCjs), ENGINE_FILE))).toBe(true);
    const needed = ['package.json', 'dist-electron/main.cjs', 'dist-electron/preload.cjs', `dist-electron/${ENGINE_FILE}`, 'dist/renderer/index.html'];
    for (const m of requires(mainCjs).filter((m) => m !== 'electron' && !isBuiltin(m))) {
      needed.push(`node_modules/${m}/package.json`, `node_modules/${m}/lib/index.js`);
    }
    needed.push('node_modules/better-sqlite3/prebuilds/linux-x64.node');
    for (const file of needed) expect(included(file), file).toBe(true);
    expect(included('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
  });

  it('signs for macOS with the hardened runtime and our entitlements, and has a 512x512 icon', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist', category: 'public.app-category.productivity' });
    expect(fs.readFileSync(path.join(root, 'build', 'entitlements.mac.plist'), 'utf8')).toContain('com.apple.security.cs.allow-jit');
    const png = fs.readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.linux).toMatchObject({ category: 'Office', target: ['AppImage', 'deb'] });
    expect(config.win).toMatchObject({ target: ['nsis'] });
  });
});

describe('the bundled main process, on a stand-in for Electron', () => {
  interface Record {
    lock: { file: string | null };
    userData: string;
    schemes: Array<{ scheme: string; privileges: { standard?: boolean; secure?: boolean } }>;
    quit: boolean;
    windows: Array<{ id: number; options: { webPreferences: { preload: string; sandbox: boolean; contextIsolation: boolean } } }>;
    loads: Array<{ id: number; url: string }>;
    titles: Array<{ id: number; title: string }>;
    recentDocuments: string[];
    menus: Array<Array<{ label?: string; items: string[] }>>;
    messages: string[];
    errors: string[];
    handled: string[];
    ipc: string[];
    guarded: number;
    replies: { [name: string]: { ok: boolean; result?: unknown; error?: { code: string } } };
    served: { status: number; csp: string; body: string };
    sealedKeys?: number;
  }

  function runMain(env: NodeJS.ProcessEnv, args: string[] = []): Record {
    fs.mkdirSync(path.join(appDir, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>UPR Workbench</title>');
    const modules = path.join(appDir, 'node_modules');
    fs.mkdirSync(path.join(modules, 'electron'), { recursive: true });
    const fake = path.join(root, 'tests', 'unit', 'fixtures', 'fake-electron.cjs');
    fs.writeFileSync(path.join(modules, 'electron', 'index.js'), `module.exports = require(${JSON.stringify(fake)});\n`);
    if (!fs.existsSync(path.join(modules, 'better-sqlite3'))) {
      fs.symlinkSync(path.join(root, 'node_modules', 'better-sqlite3'), path.join(modules, 'better-sqlite3'), 'junction');
    }
    const r = spawnSync(process.execPath, [mainCjs, ...args], {
      encoding: 'utf8',
      cwd: appDir,
      env: { ...process.env, FAKE_ELECTRON_DIR: appDir, UPR_DATA_DIR: path.join(appDir, 'data'), ...env },
      timeout: 30_000,
    });
    const last = r.stdout.trim().split('\n').at(-1) ?? '';
    if (r.status !== 0 || !last.startsWith('{')) throw new Error(`main.cjs failed (${r.status}): ${r.stdout}\n${r.stderr}`);
    return JSON.parse(last) as Record;
  }

  it('quits at once when another instance holds the lock, handing it the file', () => {
    const rec = runMain({ FAKE_ELECTRON_LOCK: '0' }, ['Kenya.upr']);
    expect(rec.quit).toBe(true);
    expect(rec.lock).toEqual({ file: path.join(appDir, 'Kenya.upr') });
    expect(rec.userData).toBe(path.join(appDir, 'data'));
    expect(rec.windows).toEqual([]);
    expect(rec.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('opens a secure start window on app://, serves it, answers IPC, and opens reports in the right window', () => {
    const rec = runMain({ FAKE_ELECTRON_LOCK: '1' });
    expect(rec.errors).toEqual([]);
    expect(rec.handled).toEqual(expect.arrayContaining(['headers', 'permission-request', 'permission-check', 'protocol:app']));
    expect(rec.ipc).toEqual(['upr:call']);
    const first = rec.windows[0]!;
    expect(first.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(first.options.webPreferences.preload).toBe(path.join(appDir, 'dist-electron', 'preload.cjs'));
    expect(rec.guarded).toBeGreaterThanOrEqual(1);
    expect(rec.loads[0]).toEqual({ id: first.id, url: 'app://workbench/index.html' });
    expect(rec.served).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>UPR Workbench</title>' });
    expect(rec.replies.current).toEqual({ ok: true, result: { path: null } });
    expect(rec.replies.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // A new report: the window takes its title, the OS and the menu list it as recent. Only a path
    // the main process's own dialog gave is taken; one the page names itself is refused.
    const kenya = path.join(appDir, 'Kenya.upr');
    expect(rec.replies.unchosen).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'pathNotChosen' } });
    expect(rec.replies.chosen).toEqual({ ok: true, result: { path: kenya } });
    expect(rec.replies.created).toEqual({ ok: true, result: { path: kenya } });
    // The new report's first signing key is kept sealed by the operating system's protection.
    expect(rec.sealedKeys).toBe(1);
    const keyFile = fs.readdirSync(path.join(rec.userData, 'keys'), { recursive: true }).map(String).find((f) => f.endsWith('.key'))!;
    expect(fs.readFileSync(path.join(rec.userData, 'keys', keyFile), 'latin1')).toMatch(/^upr-sealed-key\n/);
    expect(rec.titles.at(-1)?.title).toMatch(/ — UPR Workbench$/);
    expect(rec.recentDocuments).toContain(kenya);
    const file = rec.menus.at(-1)!.find((m) => m.label === 'File')!;
    expect(file.items).toEqual(expect.arrayContaining(['New Report…', 'Open…', 'Open Recent']));

    // Opening it again from a second launch focuses its window; a file that is not a report is
    // refused with a message, and the window made for it goes.
    expect(rec.loads).toContainEqual({ id: first.id, url: 'focus' });
    expect(rec.messages).toContain('notes.upr could not be opened.');
    expect(rec.windows).toHaveLength(2);
    expect(rec.loads).toContainEqual({ id: rec.windows[1]!.id, url: 'destroyed' });
  });
});
