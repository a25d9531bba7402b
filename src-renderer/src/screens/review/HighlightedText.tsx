import type { FlagHit, StepField } from '../../../../src-shared/review/flags';
import { flagLabel, marksFor, segments } from './highlight';

/** Untrusted generated text with the flagged parts marked; plain text only (pre-wrap keeps line breaks). */
export function HighlightedText({
  text,
  hits,
  step,
  field,
}: {
  text: string;
  hits: readonly FlagHit[];
  step: number;
  field: StepField;
}) {
  const parts = segments(text, marksFor(hits, step, field, text.length));
  if (parts.length === 0) return <span className="muted">(empty)</span>;
  return (
    <>
      {parts.map((p, i) =>
        p.flags.length > 0 ? (
          <mark key={i} className="flag-mark" title={p.flags.map(flagLabel).join(', ')}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
