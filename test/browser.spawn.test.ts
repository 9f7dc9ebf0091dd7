/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report in a real headless Chromium: the built CLI writes the page
// for a copy of examples/ with a hostile record added; the browser must show
// it without running a script, fetching anything or logging an error, and
// its print stylesheet must apply. Saves a screenshot to test-output/.
//
// Chromium is never downloaded. Without /usr/bin/chromium these tests are
// skipped, saying how to install it; in CI (CI is set), which installs it,
// they fail instead, so that they cannot silently stop running there.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyExamples, PROJECT_ROOT, runMeet, tempDir, writeTree } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const MISSING = `Chromium is missing at ${CHROMIUM}. Install it (Debian/Ubuntu: apt-get install chromium); these tests never download a browser.`;
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM && !process.env.CI) console.warn(`Skipping the browser tests. ${MISSING}`);
const OUTPUT = path.join(PROJECT_ROOT, 'test-output');
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

// A record a careless or malicious clerk could commit: every field and the
// body try to run `window.__pwned = …` or to fetch something.
const HOSTILE_RECORD = `---
title: 'Họp bất thường "><script>window.__pwned = "title"</script>'
date: 2020-10-30
kind: extraordinary
chair: 'Trần Thị Mai <img src=x onerror="window.__pwned = 1">'
decisions:
  - 'Thông qua <script>window.__pwned = "decision"</script> kế hoạch'
tasks:
  - id: 2020-10-hostile-task
    title: '<svg onload="window.__pwned = 1">Rà soát</svg> hồ sơ'
    owner: van-phong
    due: 2020-11-15
---

# Nội dung

<script>document.title = 'pwned'; window.__pwned = true;</script>

<img src="https://example.invalid/pixel.png" onerror="window.__pwned = true">

<iframe src="https://example.invalid/frame"></iframe>

<link rel="stylesheet" href="https://example.invalid/x.css">

<style>@import url(https://example.invalid/y.css); body { display: none }</style>

![ảnh](https://example.invalid/photo.jpg)

[bấm vào đây](javascript:window.__pwned=true) · <a href="JaVaScRiPt:window.__pwned=true">liên kết</a> · [dữ liệu](data:text/html;base64,PHNjcmlwdD4=)

<svg onload="window.__pwned = true"></svg>

Trang tham khảo: [Cổng thông tin](https://example.org/tin-tuc).
`;

interface LoadedPage {
  page: Page;
  url: string;
  consoleErrors: string[];
  requests: string[];
}

let browser: Browser | undefined;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) {
    if (process.env.CI) throw new Error(MISSING);
    return;
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
});

// Every test of this file is skipped, with the reason, when there is no Chromium here.
beforeEach(({ skip }) => {
  skip(!HAVE_CHROMIUM, MISSING);
});

afterAll(async () => {
  await browser?.close();
});

/** Writes the CLI's report for `month` into a temp file and opens it as file://. */
async function openReport(args: string[]): Promise<LoadedPage & { html: string }> {
  const repo = copyExamples();
  writeTree(repo, { 'meetings/2020/2020-10-30-hop-bat-thuong.md': HOSTILE_RECORD });
  const run = await runMeet(['report', ...args, '--format', 'html'], { cwd: repo });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const file = path.join(tempDir('meet-html-'), 'report.html');
  writeFileSync(file, run.stdout);
  const url = pathToFileURL(file).href;

  const page = await browser!.newPage({ viewport: { width: 1000, height: 1400 } });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const requested = request.url();
    if (requested !== url && requested !== 'about:blank') requests.push(requested);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, consoleErrors, requests, html: run.stdout };
}

describe('the HTML report in Chromium', () => {
  let loaded: LoadedPage & { html: string };

  beforeAll(async () => {
    if (browser) loaded = await openReport(['--month', '2020-10']);
  });

  afterAll(async () => {
    await loaded?.page.close();
  });

  it('uses the Chromium installed at /usr/bin/chromium', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing`).toBe(true);
    expect(browser!.version()).toMatch(/^\d+\./);
  });

  it('loads without a console error and without any request', async () => {
    expect(loaded.consoleErrors).toEqual([]);
    expect(loaded.requests).toEqual([]);
    // A page that really rendered: the title and every section are there.
    expect(await loaded.page.title()).toBe('UBND huyện Mẫu Sơn — Báo cáo kết quả tháng 10/2020');
    expect(await loaded.page.locator('h2').allTextContents()).toEqual([
      '1. Các cuộc họp trong tháng',
      '2. Kết quả theo lĩnh vực',
      '3. Các quyết định được thông qua',
      '4. Nhiệm vụ',
      '5. Theo cơ quan được giao',
      'Phụ lục: Nội dung biên bản các cuộc họp',
    ]);
  });

  it('runs no script planted in the record and shows it as text', async () => {
    const { page } = loaded;
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.locator('iframe, img, object, embed, form, input, link, base, body style').count()).toBe(0);
    // Exactly the elements with an event handler: none.
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
    );
    expect(handlers).toEqual([]);
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual(['https://example.org/tin-tuc']);
    expect(await page.getByText("<script>document.title = 'pwned'; window.__pwned = true;</script>").isVisible()).toBe(true);
    const minutesTitle = page.locator('#minutes h3').filter({ hasText: 'Họp bất thường' });
    expect(await minutesTitle.textContent()).toBe('2. Họp bất thường "><script>window.__pwned = "title"</script>');
  });

  it('draws every chart with a real size', async () => {
    const charts = loaded.page.locator('svg.chart');
    // The task history and one sparkline per metric of October (five).
    expect(await charts.count()).toBe(6);
    for (const chart of await charts.all()) {
      expect(await chart.isVisible()).toBe(true);
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(50);
      expect(box!.height).toBeGreaterThan(20);
      expect(await chart.getAttribute('role')).toBe('img');
      expect(((await chart.locator('title').first().textContent()) ?? '').length).toBeGreaterThan(10);
    }
    const history = await loaded.page.locator('svg.chart-history').boundingBox();
    expect(history!.width).toBeGreaterThan(400);
    // Bars that stand for tasks have a height.
    const tallBars = await loaded.page.evaluate(
      () => [...document.querySelectorAll('svg.chart-history rect.bar')].filter((r) => r.getBoundingClientRect().height > 1).length,
    );
    expect(tallBars).toBeGreaterThan(2);
  });

  it('highlights the overdue rows', async () => {
    const rows = loaded.page.locator('#tasks-overdue + table tbody tr.overdue');
    expect(await rows.count()).toBe(1);
    const background = await rows
      .first()
      .locator('td')
      .first()
      .evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('saves a full-page screenshot', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const file = path.join(OUTPUT, 'report-2020-10.png');
    await loaded.page.screenshot({ path: file, fullPage: true });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(file).size).toBeGreaterThan(50_000);
  });

  it('applies the print stylesheet: A4, no backgrounds, the minutes on a new page', async () => {
    const { page } = loaded;
    const styles = () =>
      page.evaluate(() => {
        const css = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return {
          html: css('html').backgroundColor,
          shadow: css('main.page').boxShadow,
          header: css('thead th').backgroundColor,
          overdue: css('tr.overdue td').backgroundColor,
          minutes: css('section.appendix').breakBefore,
          heading: css('h2').breakAfter,
        };
      });
    const screen = await styles();
    expect(screen.shadow).not.toBe('none');
    expect(screen.minutes).not.toBe('page');
    await page.emulateMedia({ media: 'print' });
    try {
      const print = await styles();
      expect(print).toEqual({
        html: 'rgba(0, 0, 0, 0)',
        shadow: 'none',
        header: 'rgba(0, 0, 0, 0)',
        overdue: 'rgba(0, 0, 0, 0)',
        minutes: 'page',
        heading: 'avoid',
      });
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      mkdirSync(OUTPUT, { recursive: true });
      writeFileSync(path.join(OUTPUT, 'report-2020-10.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // Several A4 pages; the content does not fit on one.
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThan(3);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

describe('the English HTML report in Chromium', () => {
  it('renders in English with its charts and no error', async () => {
    const loaded = await openReport(['--month', '2020-11', '--locale', 'en']);
    try {
      expect(loaded.consoleErrors).toEqual([]);
      expect(loaded.requests).toEqual([]);
      expect(await loaded.page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await loaded.page.locator('h1').textContent()).toBe('Monthly report: November 2020');
      const charts = await loaded.page.locator('svg.chart').all();
      expect(charts.length).toBeGreaterThan(1);
      for (const chart of charts) expect((await chart.boundingBox())!.width).toBeGreaterThan(50);
    } finally {
      await loaded.page.close();
    }
  });
});
