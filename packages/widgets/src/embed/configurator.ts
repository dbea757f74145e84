import type { ZoneChangeEvent } from '../events/zone-change.js';

/**
 * `carezone-embed-configurator.js`, on the configurator page (`/embed/`): as the editor changes a
 * field, the page is asked again for those choices and its preview and code are taken from the
 * answer, so the server alone writes the code (with and without this script alike). It also shows
 * the copy buttons, and fills the preset from the finder's zone.
 */
const form = document.querySelector<HTMLFormElement>('#configure');
const preview = document.querySelector<HTMLIFrameElement>('#preview');
const copied = document.querySelector<HTMLElement>('#copied');

if (form && preview && copied) {
  let asking: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refresh = async () => {
    asking?.abort();
    asking = new AbortController();
    const query = `${new URLSearchParams(new FormData(form) as unknown as string[][])}`;
    try {
      const response = await fetch(`/embed/?${query}`, { signal: asking.signal });
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      const nextPreview = next.querySelector<HTMLIFrameElement>('#preview');
      if (nextPreview && nextPreview.getAttribute('src') !== preview.getAttribute('src')) {
        preview.src = nextPreview.getAttribute('src') ?? '';
        preview.title = nextPreview.title;
      }
      for (const code of next.querySelectorAll('textarea')) {
        const shown = document.getElementById(code.id);
        if (shown instanceof HTMLTextAreaElement && shown.value !== code.value) shown.value = code.value;
      }
      history.replaceState(null, '', `?${query}`);
    } catch {
      // Aborted by a newer change, or offline: "update the preview" still submits the form.
    }
  };
  const soon = (event: Event) => {
    // Typing in the finder (its field is in its shadow root) changes no choice by itself.
    if ((event.target as Element).localName === 'carezone-finder') return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void refresh();
  });

  const finder = document.querySelector<HTMLElement & { layer?: string }>('#preset-finder');
  const layer = form.querySelector<HTMLSelectElement>('#layer');
  // The finder presets the zone of the chosen layer, or of the first that answers one.
  layer?.addEventListener('change', () => {
    if (finder) finder.layer = layer.value || undefined;
  });
  finder?.addEventListener('carezone-zone-change', (event) => {
    const { detail, matches } = event as ZoneChangeEvent;
    const match = matches.find((candidate) => candidate.layer === layer?.value) ?? detail;
    if (!match) return;
    const zone = form.querySelector<HTMLSelectElement>('#zone');
    const postcode = form.querySelector<HTMLInputElement>('#postcode');
    if (zone) zone.value = match.zone.id;
    if (postcode) postcode.value = match.places.find((place) => place.postcode)?.postcode ?? '';
    void refresh();
  });

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const code = document.getElementById(button.dataset.copy ?? '');
      if (!(code instanceof HTMLTextAreaElement)) return;
      try {
        await navigator.clipboard.writeText(code.value);
      } catch {
        // No clipboard (an insecure origin): select it, for the editor's own Ctrl+C.
        code.select();
        return;
      }
      copied.textContent = '';
      copied.textContent = copied.dataset.text ?? '';
    });
  }
}
