import { defaultClientConditions, defineConfig } from 'vite';

// Vite compiles the TSX itself (JSX with React's automatic runtime): no React plugin needed.
export default defineConfig({
  root: import.meta.dirname,
  resolve: {
    // The workspace's packages export their TypeScript under `source`: no prior build of the widgets.
    // An app installing @carezone/widgets from npm leaves this out and gets the package's `dist`.
    conditions: ['source', ...defaultClientConditions],
  },
});
