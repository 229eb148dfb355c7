// Debian's Chromium, headless, driven by playwright-core (a test tool's own browser download
// cannot work here). Browser tests skip with a message where no Chromium is installed.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);
if (!haveChromium) {
  console.warn(
    `Skipping the browser tests: no Chromium at ${chromiumPath}. Install Debian's "chromium" package (as .ci/run does) or set CHROMIUM_PATH.`,
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Lets the page reach our server (and its own data: and blob: URLs) and nothing else, as a
 * browser with no other host reachable; the addresses it tried elsewhere are collected. Origins
 * besides ours that the page may reach (the state's identity provider) are named too.
 */
export async function onlyOurServer(page: Page, origin: string | string[]): Promise<string[]> {
  const elsewhere: string[] = [];
  const allowed = [origin, 'data:', 'blob:'].flat();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed.some((start) => url.startsWith(start))) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  return elsewhere;
}
