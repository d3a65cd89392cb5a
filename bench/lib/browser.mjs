// Debian's Chromium driven by puppeteer-core (which downloads no browser). Every host name except
// the loopback address fails to resolve, so a page can never reach the network by accident.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // No DNS for anything but 127.0.0.1: a third-party request fails instead of leaving the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/**
 * The network of issue 15: 150 ms round trip, 1.6 Mbit/s down (200,000 B/s), 750 kbit/s up, set
 * with `Network.emulateNetworkConditions` (the latency is added to each request).
 */
export const NETWORK_PROFILE = {
  name: '150 ms / 1.6 Mbps',
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1000 * 1000) / 8,
  uploadThroughput: (750 * 1000) / 8,
};
export const CPU_SLOWDOWN = 4;
/** A mid-range phone's CSS viewport (Lighthouse's Moto G Power). */
export const PHONE_VIEWPORT = { width: 412, height: 823, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

export function chromiumPath() {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not at ${path}. Install it (apt-get update && apt-get install -y chromium, or bash scripts/setup.sh --with-chromium) ` +
        'or point CHROME_PATH at a Chromium/Chrome binary.',
    );
  }
  return path;
}

/** @param {{ args?: string[] }} [options] */
export function launchChromium(options = {}) {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    // The Debian wrapper prints a harmless shell warning on stderr; keep ours quiet.
    dumpio: false,
    protocolTimeout: 120_000,
  });
}

/**
 * A fresh page in its own browser context (empty cache, storage and cookies), with the cache
 * disabled and the requests it makes recorded from the browser's side.
 * @param {import('puppeteer-core').Browser} browser
 */
export async function freshPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  /** @type {{ url: string, status: number, fromCache: boolean, encodedBytes?: number, failed?: string }[]} */
  const requests = [];
  const byId = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const entry = { url: response.url, status: response.status, fromCache: Boolean(response.fromDiskCache || response.fromServiceWorker) };
    byId.set(requestId, entry);
    requests.push(entry);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const entry = byId.get(requestId);
    if (entry) entry.encodedBytes = encodedDataLength;
  });
  cdp.on('Network.loadingFailed', ({ requestId, errorText, canceled }) => {
    const entry = byId.get(requestId);
    if (entry) entry.failed = canceled ? 'canceled' : errorText;
    else requests.push({ url: `(request ${requestId})`, status: 0, fromCache: false, failed: errorText });
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error?.message ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return {
    page,
    cdp,
    requests,
    errors,
    async close() {
      await context.close().catch(() => undefined);
    },
  };
}
