import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  // Tags starting with carezone- are custom elements, not Vue components to resolve.
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('carezone-') } } }),
  ],
  resolve: {
    // The workspace's packages export their TypeScript under `source`: no prior build of the widgets.
    // An app installing @carezone/widgets from npm leaves this out and gets the package's `dist`.
    conditions: ['source', ...defaultClientConditions],
  },
});
