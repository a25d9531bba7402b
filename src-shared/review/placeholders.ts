/**
 * Unfilled template placeholders left in generated text: `{{first_name}}`, `{company}`, `[Company]`,
 * `<FirstName>`, `%FIRST_NAME%`. Returns [start, end) UTF-16 offsets so the UI can highlight them.
 */

/** Tag names that make `<x>` HTML rather than a placeholder (the `html` flag reports those). */
export const HTML_TAG_NAMES: ReadonlySet<string> = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col ' +
    'colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 ' +
    'h5 h6 head header hr html i iframe img input ins kbd label legend li link main map mark meta meter nav noscript ' +
    'object ol optgroup option output p param picture pre progress q s samp script section select small source span ' +
    'strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track u ul ' +
    'var video wbr center'
  ).split(' '),
);

export type Span = [number, number];

const PATTERNS: readonly RegExp[] = [
  /\{\{[^{}\n]{0,80}\}\}/g,
  /(?<!\{)\{\s*[A-Za-z_][\w .-]{0,60}\}(?!\})/g,
  /\[\s*[A-Za-z_][\w '.-]{0,60}\](?!\()/g,
  /<([A-Za-z_][\w ]{0,60})>/g,
  /%[A-Za-z_][A-Za-z0-9_]{1,60}%/g,
];

function isPlaceholderMatch(m: RegExpExecArray): boolean {
  if (!m[0].startsWith('<')) return true;
  // `<p>`, `<br class>`: HTML (the `html` flag), not a placeholder; `<First Name>` is one.
  const firstWord = (m[1] ?? '').trim().split(/\s+/)[0] ?? '';
  return !HTML_TAG_NAMES.has(firstWord.toLowerCase());
}

export function findPlaceholders(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (isPlaceholderMatch(m)) spans.push([m.index, m.index + m[0].length]);
    }
  }
  return mergeSpans(spans);
}

/** Sorted, overlapping spans joined: `{{x}}` is found by two patterns but is one placeholder. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}
