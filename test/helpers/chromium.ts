import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * The browser the page tests drive: Debian's chromium through playwright-core. `.ci/run` installs
 * chromium with apt when it is missing; where no browser could be installed a suite is skipped,
 * and says so.
 */
const CHROMIUM_CANDIDATES = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const CHROMIUM = CHROMIUM_CANDIDATES.find((candidate) => fs.existsSync(candidate));

/** `describe` when there is a browser; otherwise `describe.skip`, after a warning naming the suite. */
export function describeInBrowser(suite: string): jest.Describe {
  if (CHROMIUM) return describe;
  console.warn(
    `${suite} SKIPPED: no chromium executable at ${CHROMIUM_CANDIDATES.join(' or ')}. ` +
      'Install it with `apt-get install -y chromium fonts-noto-cjk` (.ci/run does when it can), or set CHROMIUM_PATH.',
  );
  return describe.skip;
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the screenshots go, to look at after a run (not under the repository). */
export const SCREENSHOT_DIR = process.env.PORTAL_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'disclosure-hub-portal');

/** A page with everything it requests, logs and fails recorded. */
export interface PageSession {
  page: Page;
  requests: string[];
  failed: string[];
  consoleErrors: string[];
}

/** Starts recording a page's requests, failures (a status of 400 or more too) and console errors. */
export function recordSession(page: Page): PageSession {
  const s: PageSession = { page, requests: [], failed: [], consoleErrors: [] };
  page.on('request', (request) => s.requests.push(request.url()));
  page.on('requestfailed', (request) => s.failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) s.failed.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') s.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => s.consoleErrors.push(`uncaught: ${error.message}`));
  return s;
}

/** What every browser test checks of its page: nothing from another origin, no failed request, no console error. */
export function expectSelfContained(session: PageSession, hubUrl: string): void {
  const origin = new URL(hubUrl).origin;
  expect(session.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(session.failed).toEqual([]);
  expect(session.consoleErrors).toEqual([]);
}
