// Hostile news in real Chromium: the server's corpus of known XSS payloads (the same strings its
// sanitiser is tested on) reaches the widget unsanitised, as bodies, titles and summaries. A trap in
// the page records any script that runs; every body is opened.
import { expect, waitUntil } from '@open-wc/testing';
import { unsafeParts, XSS_BODY, XSS_PAYLOADS } from '../../../server/src/news/test-helpers/xss-corpus.js';
import { newsItem } from '../test-helpers/news-fixtures.js';
import { setupNews } from '../test-helpers/news-setup.js';
import { safeBody } from './safe-body.js';

interface Trap {
  __xss: boolean;
  alert: (message?: unknown) => void;
}
const trap = window as unknown as Trap;

/** Payloads of the widget's own: they run `window.__xss = true` rather than alert. */
const TEXT_PAYLOADS = [
  '<script>window.__xss=true</script>',
  '<img src=x onerror="window.__xss=true">',
  '"><svg onload="window.__xss=true">',
];

const ITEMS = [
  ...XSS_PAYLOADS.map((payload, index) => newsItem(`payload-${index}`, { bodyHtml: payload })),
  newsItem('all', { bodyHtml: XSS_BODY }),
  ...TEXT_PAYLOADS.map((payload, index) =>
    newsItem(`text-${index}`, {
      title: payload,
      summary: payload,
      bodyHtml: payload,
      sourceUrl: 'javascript:window.__xss=true',
    }),
  ),
];

describe('<carezone-news> with hostile HTML', () => {
  const realAlert = window.alert;
  beforeEach(() => {
    trap.__xss = false;
    trap.alert = () => {
      trap.__xss = true;
    };
  });
  afterEach(() => {
    window.alert = realAlert;
  });

  it('runs no script, and leaves no handler nor script URL in its shadow DOM, every body open', async () => {
    const news = await setupNews({ attrs: { limit: '100' }, api: { items: ITEMS } });
    expect(news.items()).to.have.length(ITEMS.length);
    for (const button of news.parts('read-more')) button.click();
    await news.el.updateComplete;
    await waitUntil(() => news.parts('body').every((body) => !body.hidden), 'every body is open');
    // Images that fail (`src=x`) and event handlers get their chance to fire.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(trap.__xss, 'a payload ran').to.equal(false);

    for (const element of news.root.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) {
        expect(name, `${element.localName}[${name}]`).to.not.match(/^on/i);
        expect(value.replace(/\s/g, ''), `${element.localName}[${name}]`).to.not.match(
          /^(javascript|data|vbscript):/i,
        );
      }
    }
    for (const body of news.parts('body')) {
      expect(
        body.querySelector('script, iframe, object, embed, svg, math, style, form, base, meta'),
      ).to.equal(null);
      expect(unsafeParts(body.innerHTML), body.innerHTML).to.deep.equal([]);
    }
    // The payloads in titles and summaries are text, shown as they are written.
    expect(news.titles()).to.include(TEXT_PAYLOADS[0]);
    // A source link with a script URL is left out rather than shown.
    expect(news.item(TEXT_PAYLOADS[0] as string)?.querySelector('[part~="source-link"]')).to.equal(null);
    await expect(news.el).to.be.accessible();
  });

  it('keeps what is harmless: text, paragraphs and https links', () => {
    const body = safeBody(
      '<h2>Titel</h2><p>Tekst met <a href="https://zone.example/x" rel="noopener noreferrer">een link</a>.</p>' +
        '<ul><li>een</li></ul>',
    );
    expect(body.querySelector('h2')?.textContent).to.equal('Titel');
    expect(body.querySelector('a')?.getAttribute('href')).to.equal('https://zone.example/x');
    expect(body.querySelectorAll('li')).to.have.length(1);
  });

  it('loads no image from the feed’s site: a described one becomes a link to it, others go', () => {
    const body = safeBody(
      '<p>Voor <img src="https://zone.example/a.png" alt="Foto van de sessie"> na</p>' +
        '<img src="https://zone.example/pixel.gif"><img src="https://zone.example/b.png" alt="  ">',
    );
    expect(body.querySelectorAll('img')).to.have.length(0);
    const links = [...body.querySelectorAll('a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.rel])).to.deep.equal([
      ['Foto van de sessie', 'https://zone.example/a.png', 'noopener noreferrer'],
    ]);
  });
});
