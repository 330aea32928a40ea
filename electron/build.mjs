// `npm run build:electron`: bundles the main process and the preload with esbuild into
// dist-electron/ as CommonJS (package.json's "main" is dist-electron/main.cjs). Electron itself and
// native modules stay outside the bundle: a .node binary must be loaded from its own package
// (unpacked from the asar archive), never inlined. `--outdir DIR` builds elsewhere (tests).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');

/** Production dependencies that ship a native addon (a binding.gyp, or `gypfile: true`). */
export function nativeDependencies(projectRoot = root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  return Object.keys(pkg.dependencies ?? {}).filter((name) => {
    const dir = path.join(projectRoot, 'node_modules', name);
    if (fs.existsSync(path.join(dir, 'binding.gyp'))) return true;
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).gypfile === true;
    } catch {
      return false;
    }
  });
}

/**
 * ws (the office network server's WebSocket) tries two optional native add-ons, each in a try: they
 * are not shipped, so each resolves to a module that throws, and ws uses its JavaScript instead.
 */
const OPTIONAL_ABSENT = /^(bufferutil|utf-8-validate)$/;
const optionalAbsent = {
  name: 'optional-absent',
  setup(b) {
    b.onResolve({ filter: OPTIONAL_ABSENT }, (args) => ({ path: args.path, namespace: 'absent' }));
    b.onLoad({ filter: /.*/, namespace: 'absent' }, (args) => ({ contents: `throw new Error('${args.path} is not shipped');`, loader: 'js' }));
  },
};

export async function buildElectron(outdir = path.join(root, 'dist-electron')) {
  // playwright-core prints PDFs in browser mode and the CLI; the shell prints with its own Chromium,
  // and playwright-core does not work bundled, so it stays a package loaded at run time.
  const external = ['electron', 'better-sqlite3', 'playwright-core', ...nativeDependencies()];
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    outdir,
    external: [...new Set(external)],
    sourcemap: true,
    logLevel: 'warning',
    // CommonJS has no import.meta; code that runs both ways (import/in-worker.ts) checks __filename first.
    define: { 'import.meta.url': 'undefined' },
    plugins: [optionalAbsent],
  };
  await build({ ...common, entryPoints: { main: path.join(root, 'electron', 'shell', 'main.ts') } });
  // Lists of recommendations are read in a worker thread with a memory limit of its own.
  await build({ ...common, entryPoints: { 'parse-worker': path.join(root, 'electron', 'import', 'parse-worker.ts') } });
  // The paged-media engine the PDF is laid out with (electron/export/print.ts) is one script read at
  // run time and sent into the printed page; only that file ships, not its package's dependencies.
  fs.copyFileSync(path.join(root, 'node_modules', 'pagedjs', 'dist', 'paged.polyfill.min.js'), path.join(outdir, 'paged.polyfill.min.js'));
  // The preload runs in a sandboxed renderer, where only 'electron' can be required.
  await build({ ...common, entryPoints: { preload: path.join(root, 'electron', 'shell', 'preload.ts') }, external: ['electron'] });
  return { main: path.join(outdir, 'main.cjs'), preload: path.join(outdir, 'preload.cjs') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } }, strict: true });
  const out = await buildElectron(values.outdir ? path.resolve(values.outdir) : undefined);
  console.log(`Built ${path.relative(process.cwd(), out.main)} and ${path.relative(process.cwd(), out.preload)}`);
}
