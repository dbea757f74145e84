import { widgetTexts } from './load-translation.js';
import { resolveLanguage } from './resolve-language.js';

// Imported first by every entry, so that this runs before the rest of the bundle: the page's
// language chunk downloads while Lit, ky, zod and the widgets evaluate, instead of being asked
// for by the first element once they have (one round trip less before the first render). A
// widget in another language than the page loads its own when it starts, as before.
widgetTexts.load(resolveLanguage(document.documentElement)).catch(() => {
  // The element asks again when it renders, and retries (CarezoneElement.scheduleUpdate).
});
