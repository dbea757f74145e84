// Storybook of the Carezone widgets: every state of every widget, from fixtures (no server, no
// network). The stories run the widgets' TypeScript source, as the component tests do.
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  core: {
    // Storybook must never call out: no telemetry, no "what's new" fetch, no crash reports.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  async viteFinal(viteConfig) {
    // The workspace packages export their TypeScript under the `source` condition; it must come
    // before the defaults so that stories run the widgets' source, not a stale `dist`.
    const conditions = viteConfig.resolve?.conditions ?? [...defaultClientConditions];
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: ['source', ...conditions.filter((condition) => condition !== 'source')],
    };
    // Storybook's own preview and the a11y addon's axe-core are large by nature: not our budget.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 1500 };
    return viteConfig;
  },
};

export default config;
