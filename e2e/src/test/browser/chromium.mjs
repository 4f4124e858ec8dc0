// The system's Chromium under playwright-core, launched the one way every browser test here launches it: headless,
// and quiet on the network (no updates, sync or QUIC), so that nothing but the site under test is ever asked.
import { chromium } from 'playwright-core';

export function launchChromium(executablePath) {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
