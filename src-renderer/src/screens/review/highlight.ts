import {
  FLAG_INFO,
  type FlagHit,
  type ReviewFlag,
  type StepField,
} from '../../../../src-shared/review/flags';

/** A piece of a step's text; `flags` is empty for unmarked text. */
export interface Segment {
  text: string;
  flags: ReviewFlag[];
}

interface Mark {
  start: number;
  end: number;
  flag: ReviewFlag;
}

/** The spans flags reported for one field of one step, clamped to the text. */
export function marksFor(hits: readonly FlagHit[], step: number, field: StepField, length: number): Mark[] {
  const marks: Mark[] = [];
  for (const h of hits) {
    if (h.step !== step || h.field !== field) continue;
    for (const [a, b] of h.spans) {
      const start = Math.max(0, Math.min(a, length));
      const end = Math.max(0, Math.min(b, length));
      if (end > start) marks.push({ start, end, flag: h.flag });
    }
  }
  return marks;
}

/**
 * Cuts text at every span boundary so each piece knows which flags cover it. The pieces are rendered
 * as React text nodes (marked ones inside <mark>), never as HTML: generated text is untrusted.
 */
export function segments(text: string, marks: readonly Mark[]): Segment[] {
  if (marks.length === 0) return text ? [{ text, flags: [] }] : [];
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort(
    (a, b) => a - b,
  );
  const out: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const flags = [...new Set(marks.filter((m) => m.start <= start && m.end >= end).map((m) => m.flag))];
    const prev = out[out.length - 1];
    if (prev && sameFlags(prev.flags, flags)) prev.text += text.slice(start, end);
    else out.push({ text: text.slice(start, end), flags });
  }
  return out;
}

const sameFlags = (a: readonly ReviewFlag[], b: readonly ReviewFlag[]) =>
  a.length === b.length && a.every((f) => b.includes(f));

export const flagLabel = (flag: ReviewFlag): string => FLAG_INFO[flag].label;
