// The one Chromium every browser test and benchmark uses: Debian's (never a downloaded one), with
// the flags it needs here (root needs --no-sandbox; without the networking flags it keeps calling
// out to Google's services).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
