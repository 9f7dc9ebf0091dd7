// PDF: an HTML page printed by a headless Chromium already installed on the
// machine, driven by playwright-core (an optional peer dependency, loaded
// only here). meet never downloads a browser: without playwright-core or a
// Chromium, --format pdf is an environment error (exit 2) that says what to
// install, and every other format still works.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError, type Said } from '../model/errors.js';
import { visible } from '../model/text.js';
import type { BrowserContext, BrowserType } from 'playwright-core';
import type { Env } from './terminal.js';

/** Where Chromium usually is, in order; MEET_CHROMIUM comes first, then each of these names on PATH. */
const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

// Safe as root in a container, and quiet: no sandbox, no GPU, nothing fetched in the background.
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const INSTALL_HINT: Said = (m) => m.pdf.installHint;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with: MEET_CHROMIUM, else the first one found; throws UsageError when there is none. */
export function findChromium(env: Env): string {
  const asked = env.MEET_CHROMIUM;
  if (asked !== undefined && asked !== '') {
    if (isExecutable(asked)) return asked;
    throw new UsageError((m) => m.pdf.badChromium(visible(asked)), INSTALL_HINT);
  }
  const onPath = (env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => path.isAbsolute(dir))
    .flatMap((dir) => NAMES.map((name) => path.join(dir, name)));
  const found = [...KNOWN_PATHS, ...onPath].find(isExecutable);
  if (found) return found;
  throw new UsageError((m) => m.pdf.noChromium(KNOWN_PATHS.join(', '), NAMES.join(', ')), INSTALL_HINT);
}

async function loadPlaywright(): Promise<{ chromium: BrowserType }> {
  try {
    return await import('playwright-core');
  } catch {
    throw new UsageError(
      (m) => m.pdf.noPlaywright,
      (m) => m.pdf.noPlaywrightHint,
    );
  }
}

/**
 * Prints a self-contained HTML page to PDF: its CSS decides the page size,
 * margins and page numbers (`@page`). A fresh, temporary profile each time.
 */
export async function printPdf(html: string, env: Env, options: { timeout?: number } = {}): Promise<Uint8Array> {
  const executablePath = findChromium(env);
  const { chromium } = await loadPlaywright();
  const profile = mkdtempSync(path.join(tmpdir(), 'meet-chromium-'));
  let context: BrowserContext | undefined;
  try {
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath,
        args: LAUNCH_ARGS,
        headless: true,
        env: { ...env } as Record<string, string>,
        timeout: 120_000,
        offline: true,
      });
    } catch (error) {
      const why = visible(firstLine(error));
      throw new UsageError((m) => m.pdf.cannotStart(visible(executablePath), why), INSTALL_HINT);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    // A page Chromium cannot lay out in time (megabytes of one title) is said, not a stack trace (exit 70).
    try {
      page.setDefaultTimeout(options.timeout ?? 30_000);
      await page.setContent(html, { waitUntil: 'load' });
      return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } catch (error) {
      const why = visible(firstLine(error));
      throw new UsageError(
        (m) => m.pdf.cannotPrint(why),
        (m) => m.pdf.cannotPrintHint,
      );
    }
  } finally {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
