// Keystroke latency in Chromium: time from keydown to the DOM holding the new character, in the
// app's section editor and in a bare Lexical editor with the same text on the same page. The two
// are measured in alternating rounds so that machine noise falls on both alike.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/harness.js';

const PAGE_DIR = path.resolve(import.meta.dirname, '..', '..', '..', '.bench', 'keystroke-page');

export interface KeystrokeSamples {
  app: number[];
  bare: number[];
}

async function installProbe(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __lat: number[]; __t0: number; __obs?: MutationObserver };
    w.__obs?.disconnect();
    w.__lat = [];
    w.__t0 = 0;
    const el = document.querySelector(sel)!;
    const obs = new MutationObserver(() => {
      if (w.__t0) {
        w.__lat.push(performance.now() - w.__t0);
        w.__t0 = 0;
      }
    });
    obs.observe(el, { subtree: true, characterData: true, childList: true });
    w.__obs = obs;
  }, selector);
}

async function typeRound(page: Page, selector: string, keys: number): Promise<number[]> {
  await page.click(selector);
  await page.keyboard.press('Control+End');
  await installProbe(page, selector);
  for (let i = 0; i < keys; i++) {
    await page.evaluate(() => {
      (window as unknown as { __t0: number }).__t0 = performance.now();
    });
    await page.keyboard.press(i % 6 === 5 ? 'Space' : 'KeyE');
    await page.waitForTimeout(15);
  }
  await page.waitForTimeout(50);
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

/**
 * The server in a process of its own (./serve-page.ts), as the app's main process is: the bench's
 * process holds the generated report's data, whose collector would otherwise pause the server.
 */
async function serveInChild(file: string, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'serve-page.ts'), file, PAGE_DIR, dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the keystroke page's server stopped (${code})`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return { url, child };
}

export async function measureKeystrokes(file: string, sectionId: string, rounds = 6, keysPerRound = 25): Promise<KeystrokeSamples> {
  await build({ configFile: path.join(import.meta.dirname, 'vite.config.ts') });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-keys-'));
  const { url, child } = await serveInChild(file, dataDir);
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${url}&section=${encodeURIComponent(sectionId)}`);
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true, null, { timeout: 60_000 });
    const app = '#app-editor .ed-content';
    const bare = '#bare-editor .ed-content';
    await page.waitForFunction(
      ([a, b]) => (document.querySelector(a!)?.textContent?.length ?? 0) > 1000 && (document.querySelector(b!)?.textContent?.length ?? 0) > 1000,
      [app, bare],
      { timeout: 60_000 },
    );
    const samples: KeystrokeSamples = { app: [], bare: [] };
    // One warm-up round each, not recorded.
    await typeRound(page, app, 10);
    await typeRound(page, bare, 10);
    for (let r = 0; r < rounds; r++) {
      samples.app.push(...(await typeRound(page, app, keysPerRound)));
      samples.bare.push(...(await typeRound(page, bare, keysPerRound)));
    }
    return samples;
  } finally {
    await browser.close();
    child.stdin!.end();
    await stopped;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
