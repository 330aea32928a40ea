// Keystroke latency in Chromium: time from keydown to the DOM holding the new character, in the
// app's section editor and in a bare Lexical editor with the same text on the same page. The two
// are measured in alternating rounds so that machine noise falls on both alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { Host } from '../../../electron/hosts/host.js';
import { startServer } from '../../../electron/hosts/server.js';
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

export async function measureKeystrokes(file: string, sectionId: string, rounds = 6, keysPerRound = 25): Promise<KeystrokeSamples> {
  await build({ configFile: path.join(import.meta.dirname, 'vite.config.ts') });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-keys-'));
  const host = new Host({ dataDir });
  const server = await startServer({ host, token: 'bench-token-000000', staticDir: PAGE_DIR, defaultReport: file, port: 0 });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${server.url}&section=${encodeURIComponent(sectionId)}`);
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
    await server.close();
    host.closeAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
