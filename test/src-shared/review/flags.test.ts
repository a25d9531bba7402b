import { describe, expect, it } from 'vitest';
import {
  companyCore,
  computeFlags,
  countWords,
  DEFAULT_FLAG_OPTIONS,
  flagsMask,
  maskToFlags,
  REVIEW_FLAGS,
  type FlagHit,
  type FlagInput,
  type ReviewFlag,
} from '../../../src-shared/review/flags';

const good = {
  step: 1,
  subject: 'Idea for Acme',
  body: 'Hi Anna,\nI saw Acme is hiring engineers. Worth a chat next week?\nBest, Sam',
};

function input(steps: Array<Partial<FlagInput['steps'][number]>>, extra: Partial<FlagInput> = {}): FlagInput {
  return {
    firstName: 'Anna',
    company: 'Acme Inc.',
    expectedSteps: steps.length,
    steps: steps.map((s, i) => ({ ...good, step: i + 1, subject: `${good.subject} ${i + 1}`, ...s })),
    ...extra,
  };
}

/** What the user sees: flag, where, and the highlighted text. */
function seen(inp: FlagInput, hits: FlagHit[]) {
  return hits.map((h) => {
    const s = inp.steps.find((x) => x.step === h.step);
    const text = s && h.field ? s[h.field] : '';
    return { flag: h.flag, step: h.step, field: h.field, text: h.spans.map(([a, b]) => text.slice(a, b)) };
  });
}

const cases: Array<{ name: string; input: FlagInput; expected: ReturnType<typeof seen> }> = [
  { name: 'a clean sequence has no flags', input: input([{}, {}, {}]), expected: [] },
  {
    name: 'mustache, brace, bracket, angle and percent placeholders',
    input: input([
      { body: 'Hi {{first_name}}, {company} and [Company] met <FirstName> via %SENDER_NAME%. Anna, Acme' },
    ]),
    expected: [
      {
        flag: 'placeholder',
        step: 1,
        field: 'body',
        text: ['{{first_name}}', '{company}', '[Company]', '<FirstName>', '%SENDER_NAME%'],
      },
    ],
  },
  {
    name: 'placeholder in a subject',
    input: input([{ subject: 'Quick idea for {{ company }}' }]),
    expected: [{ flag: 'placeholder', step: 1, field: 'subject', text: ['{{ company }}'] }],
  },
  {
    name: 'markdown links and plain HTML tags are not placeholders',
    input: input([{ body: 'Hi Anna at Acme, see [our deck](https://x.io) <b>now</b>' }]),
    expected: [
      { flag: 'link', step: 1, field: 'body', text: ['https://x.io'] },
      { flag: 'html', step: 1, field: 'body', text: ['<b>', '</b>'] },
    ],
  },
  {
    name: 'empty subject and whitespace-only body',
    input: input([{}, { subject: '  ', body: ' \n ' }]),
    expected: [
      { flag: 'empty_subject', step: 2, field: 'subject', text: [] },
      { flag: 'empty_body', step: 2, field: 'body', text: [] },
    ],
  },
  {
    name: 'subject over 60 characters highlights the overflow',
    input: input([{ subject: `Acme ${'x'.repeat(55)}OVERFLOW` }]),
    expected: [{ flag: 'long_subject', step: 1, field: 'subject', text: ['OVERFLOW'] }],
  },
  {
    name: 'a 60-character subject is fine; emoji count as one character',
    input: input([{ subject: `Acme ${'é'.repeat(53)}🚀x` }]),
    expected: [],
  },
  {
    name: 'body longer than the word limit highlights from the first extra word',
    input: input([{ body: `Anna Acme ${'word '.repeat(248)}extra words` }]),
    expected: [{ flag: 'long_body', step: 1, field: 'body', text: ['extra words'] }],
  },
  {
    name: 'fewer steps than email_count',
    input: input([{}, {}], { expectedSteps: 3 }),
    expected: [{ flag: 'missing_steps', step: null, field: null, text: [] }],
  },
  {
    name: 'first name and company missing from step 1 (legal suffix ignored, accents folded)',
    input: input([{ subject: 'Hello', body: 'Hi there, quick note.' }, {}], {
      firstName: 'Zoë',
      company: 'Müller GmbH',
    }),
    expected: [
      { flag: 'no_first_name', step: 1, field: null, text: [] },
      { flag: 'no_company', step: 1, field: null, text: [] },
    ],
  },
  {
    name: 'name written without accents and company without its legal form still count as used',
    input: input([{ subject: 'Hello', body: 'Hi Zoe, loved what Muller ships.' }], {
      firstName: 'Zoë',
      company: 'Müller GmbH',
    }),
    expected: [],
  },
  {
    name: 'a name inside another word does not count',
    input: input([{ subject: 'Hello', body: 'Hi Annabelle at Acme' }]),
    expected: [{ flag: 'no_first_name', step: 1, field: null, text: [] }],
  },
  {
    name: 'spam words match whole words only, any case, longest phrase first',
    input: input([
      { subject: 'FREE TRIAL for Acme', body: 'Anna, freedom is nice. Click here, it is Risk-Free.' },
    ]),
    expected: [
      { flag: 'spam_words', step: 1, field: 'subject', text: ['FREE TRIAL'] },
      { flag: 'spam_words', step: 1, field: 'body', text: ['Click here', 'Risk-Free'] },
    ],
  },
  {
    name: 'duplicate subjects across steps (case and spacing ignored); "Re:" threading is not a duplicate',
    input: input([
      { subject: 'Idea for Acme' },
      { subject: 'idea  for ACME' },
      { subject: 'Re: Idea for Acme' },
    ]),
    expected: [{ flag: 'duplicate_subject', step: 2, field: 'subject', text: ['idea  for ACME'] }],
  },
  {
    name: 'links and www addresses in bodies',
    input: input([{ body: 'Anna at Acme: see http://evil.example/x?y=1, or www.acme.com.' }]),
    expected: [{ flag: 'link', step: 1, field: 'body', text: ['http://evil.example/x?y=1', 'www.acme.com'] }],
  },
  {
    name: 'script, img with handler, comments and entities are HTML',
    input: input([
      { body: 'Anna at Acme <img src=x onerror=alert(1)><script>x()</script> &amp; <!-- c -->' },
    ]),
    expected: [
      {
        flag: 'html',
        step: 1,
        field: 'body',
        text: ['<img src=x onerror=alert(1)>', '<script>', '</script>', '&amp;', '<!--'],
      },
    ],
  },
];

describe('quality flag rules', () => {
  it.each(cases)('$name', ({ input: inp, expected }) => {
    expect(seen(inp, computeFlags(inp))).toEqual(expected);
  });

  it('a lead without a first name or company on file is not blamed for not using them', () => {
    const inp = input([{ subject: 'Hello', body: 'Hi there' }], { firstName: null, company: '  ' });
    expect(computeFlags(inp)).toEqual([]);
  });

  it('a body with a long run of dots after "www." is still checked: the link rule once took seconds on it', () => {
    const body = `Hi Anna, see www.${'.'.repeat(200_000)} and www.acme.com.`;
    const inp = input([{ body }]);
    const links = seen(inp, computeFlags(inp)).filter((h) => h.flag === 'link');
    expect(links.map((h) => h.text)).toEqual([['www.acme.com']]);
  }, 30_000);

  it('the body word limit is configurable', () => {
    const inp = input([{ body: 'Anna Acme one two three four' }]);
    expect(computeFlags(inp, { ...DEFAULT_FLAG_OPTIONS, maxBodyWords: 5 }).map((h) => h.flag)).toEqual([
      'long_body',
    ]);
    expect(computeFlags(inp, { ...DEFAULT_FLAG_OPTIONS, maxBodyWords: 6 })).toEqual([]);
  });

  it('messages name the problem in plain words', () => {
    const [hit] = computeFlags(input([{ body: 'Hi {{first_name}} at Acme, Anna' }]));
    expect(hit?.message).toBe('Unfilled placeholder "{{first_name}}".');
  });

  it('masks round-trip every flag and keep the stored bit order', () => {
    for (const f of REVIEW_FLAGS) {
      const hit: FlagHit = { flag: f, step: null, field: null, spans: [], message: '' };
      expect(maskToFlags(flagsMask([hit]))).toEqual([f]);
    }
    // Stored masks depend on this order: appending is fine, reordering is not.
    expect(REVIEW_FLAGS.slice(0, 3)).toEqual<ReviewFlag[]>(['placeholder', 'empty_subject', 'empty_body']);
  });

  it.each([
    ['Acme, Inc.', 'Acme'],
    ['Globex Corporation', 'Globex'],
    ['Müller GmbH & Co. KG', 'Müller GmbH & Co. KG'],
    ['Inc', 'Inc'],
  ])('company core of %s is %s', (company, core) => {
    expect(companyCore(company)).toBe(core);
  });
});

describe('word count used by the long-body rule', () => {
  it.each([
    ['', 0],
    ['one', 1],
    ["don't re-use it", 3],
    ['a - b', 2],
    ['Hi Zoë, 東京 2024!', 4],
    ['  spaced\n\nout  ', 2],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text, 1000).count).toBe(n);
  });

  it('reports where the first word past the limit starts', () => {
    expect(countWords('one two three', 2).overflowAt).toBe(8);
    expect(countWords('one two', 2).overflowAt).toBe(-1);
  });
});
