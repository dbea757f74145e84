/**
 * Swaps an embed page's server markup for its widget once the widget has rendered what the page
 * showed: the widget waits hidden (`hidden`), so the page never shows an empty or loading widget,
 * and then takes the markup's place in one step. A widget that does not finish within `GIVE_UP_MS`
 * (its script failed, a slow network) is left hidden: the server's page keeps working as it is.
 */
const GIVE_UP_MS = 10_000;

interface Renderable extends HTMLElement {
  updateComplete?: Promise<boolean>;
}

/**
 * Resolves once the element has rendered and shows no loading placeholder (`part="loading"`, which
 * every widget shows while a read is on its way): its reads are answered and rendered.
 */
async function settled(element: Renderable): Promise<void> {
  await customElements.whenDefined(element.localName);
  for (;;) {
    await element.updateComplete;
    if (element.shadowRoot?.firstElementChild && !element.shadowRoot.querySelector('[part~="loading"]'))
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function enhance(): void {
  const widget = document.querySelector<Renderable>('[data-carezone-enhance]');
  const fallback = document.querySelector<HTMLElement>('[data-carezone-fallback]');
  if (!widget || !fallback) return;
  const timeout = new Promise<'late'>((resolve) => setTimeout(resolve, GIVE_UP_MS, 'late'));
  void Promise.race([settled(widget), timeout]).then((outcome) => {
    if (outcome === 'late') return;
    const focused = fallback.contains(document.activeElement);
    fallback.remove();
    widget.hidden = false;
    if (focused) widget.focus();
  });
}
