// Types of what the tests import from browser.mjs.
import type { Browser } from 'puppeteer-core';

export const CHROMIUM_ARGS: string[];
export function chromiumPath(): string;
export function launchChromium(options?: { args?: string[] }): Promise<Browser>;
