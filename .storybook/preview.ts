import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';

interface Manifest {
  modules?: { declarations?: Record<string, unknown>[] }[];
}

// The custom elements manifest (`cem analyze`, written by `npm run build`; not in git) adds the
// elements' CSS parts, custom properties, slots and events to the controls table. Its attributes and
// members are left out: the stories describe the public attributes themselves, and the manifest
// also lists private fields. Optional: the glob matches nothing on a fresh checkout.
const manifests = import.meta.glob<{ default: Manifest }>('../packages/widgets/custom-elements.json', {
  eager: true,
});
const manifest = Object.values(manifests)[0]?.default;
if (manifest) {
  setCustomElementsManifest({
    ...manifest,
    modules: manifest.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map(({ attributes, members, ...declaration }) => declaration),
    })),
  });
}

const preview: Preview = {
  // The language of every widget, from the toolbar; a story's own `lang` arg takes precedence.
  globalTypes: {
    lang: {
      description: 'Language of the widgets (their `lang` attribute)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'nl', title: 'Nederlands', right: 'nl' },
          { value: 'fr', title: 'Français', right: 'fr' },
          { value: 'en', title: 'English', right: 'en' },
          { value: 'de', title: 'Deutsch', right: 'de' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'nl' },
  parameters: {
    // Any axe violation fails the story's test ('todo' would only warn); the panel shows them all.
    // Checked: the story's root (axe follows the widgets' open shadow roots), not the frame as a
    // page, whose landmarks and headings belong to the host page.
    a11y: {
      test: 'error',
      context: '#storybook-root',
      config: {
        rules: [
          { id: 'region', enabled: false },
          { id: 'landmark-one-main', enabled: false },
          { id: 'page-has-heading-one', enabled: false },
        ],
      },
    },
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
