// Component tests of the widgets in real headless Chromium (Debian's, never a downloaded one).
// Sources run as they are: esbuild strips the types, and the `source` export condition resolves the
// workspace packages to their TypeScript.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

/**
 * `a11y-tree`: Chromium's whole accessibility tree under `selector`, groups and generic nodes
 * included (the snapshot of `a11ySnapshot` leaves out what it finds uninteresting, a fieldset's
 * group among them), for the names and roles Chromium really computes.
 */
function a11yTreePlugin() {
  return {
    name: 'carezone-a11y-tree',
    async executeCommand({ command, payload, session }) {
      if (command !== 'a11y-tree') return undefined;
      const page = session.browser.getPage(session.id);
      const root = payload?.selector ? await page.$(payload.selector) : null;
      return page.accessibility.snapshot({ root: root ?? undefined, interestingOnly: false });
    },
  };
}

export default {
  files: ['packages/widgets/src/**/*.test.ts', 'packages/inbox/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/widgets/tsconfig.json' }),
    // Not among the default commands: the accessibility tree, for the names fields really get.
    a11ySnapshotPlugin(),
    a11yTreePlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        args: [...CHROMIUM_FLAGS],
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  reporters: [defaultReporter(), countReporter()],
};
