// Component tests of the widgets in real headless Chromium (Debian's, never a downloaded one).
// Sources run as they are: esbuild strips the types, and the `source` export condition resolves the
// workspace packages to their TypeScript.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

export default {
  files: ['packages/widgets/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/widgets/tsconfig.json' }),
    // Not among the default commands: the accessibility tree, for the names fields really get.
    a11ySnapshotPlugin(),
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
