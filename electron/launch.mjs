// `npm start` (after the build): runs the app in Electron. The electron package downloads its binary
// on install, and where that download is impossible its index.js would try again on every require,
// so the binary is found here by hand (path.txt, then dist/) and, when it is missing, one clear line
// says so and points to browser mode. Arguments after `--` go to the app (e.g. a .upr file).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const appDir = path.resolve(import.meta.dirname, '..');

export const MISSING_BINARY =
  'upr: the Electron binary is not installed here (it could not be downloaded); run "npm run serve" to use the app in a browser instead.';

/** Where the electron package keeps its binary on each platform when path.txt is not there. */
function platformBinary(platform = process.platform) {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The Electron executable, or null; never triggers the electron package's download. */
export function findElectronBinary(env = process.env) {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(path.join(appDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  let relative = platformBinary();
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim() || relative;
  } catch {
    // No path.txt: the install step never finished; the platform's usual name is tried.
  }
  // The electron package's own override, for a binary obtained some other way.
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary) ? binary : null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const binary = findElectronBinary();
  if (!binary) {
    console.error(MISSING_BINARY);
    process.exit(1);
  }
  const child = spawn(binary, [appDir, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('error', (e) => {
    console.error(`upr: Electron could not be started: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  // Ctrl+C in the terminal ends the app too, not just this launcher.
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
