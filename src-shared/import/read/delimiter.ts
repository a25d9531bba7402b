/*
 * Delimiter sniffing: the right delimiter splits the first records into the
 * same number of fields (more than one). Quotes are respected, so a comma
 * inside "Doe, Jane" or a newline inside a quoted note does not count. A line
 * drawn across a table ("+------+------+" around a query's table copied from
 * mysql, a Markdown table's "|---|---|") is no record: there may be as many of
 * them as rows.
 */
import { drawsLine } from '../blank-row';

export type Delimiter = ',' | ';' | '\t' | '|';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

/** Field count of each complete record in the sample that is neither blank nor a drawn line. */
function fieldCounts(sample: string, delimiter: string, complete: boolean): number[] {
  const d = delimiter.charCodeAt(0);
  const counts: number[] = [];
  let fields = 1;
  let blank = true;
  let inQuotes = false;
  for (let i = 0; i < sample.length && counts.length < SAMPLE_RECORDS; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) {
      inQuotes = !inQuotes;
      blank = false;
    } else if (inQuotes) {
      continue;
    } else if (c === d) {
      fields++;
      if (!drawsLine(c)) blank = false;
    } else if (c === 10 || c === 13) {
      if (!blank) counts.push(fields);
      if (c === 13 && sample.charCodeAt(i + 1) === 10) i++;
      fields = 1;
      blank = true;
    } else if (c !== 32 && !drawsLine(c)) {
      blank = false;
    }
  }
  // The sample's last record is only trusted when the sample is the whole text.
  if (complete && !blank && !inQuotes && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
}

interface Score {
  delimiter: Delimiter;
  consistency: number;
  fields: number;
}

function score(sample: string, delimiter: Delimiter, complete: boolean): Score {
  const counts = fieldCounts(sample, delimiter, complete);
  if (counts.length === 0) return { delimiter, consistency: 0, fields: 1 };
  const freq = new Map<number, number>();
  let mode = 1;
  let modeFreq = 0;
  for (const n of counts) {
    const f = (freq.get(n) ?? 0) + 1;
    freq.set(n, f);
    if (f > modeFreq || (f === modeFreq && n > mode)) {
      mode = n;
      modeFreq = f;
    }
  }
  if (mode <= 1) return { delimiter, consistency: 0, fields: 1 };
  // Title rows above a header often have fewer fields; they should not sink
  // the right delimiter, so records at or above the mode count as agreeing
  // only when equal, and short records weigh half.
  let agree = 0;
  for (const n of counts) {
    if (n === mode) agree += 1;
    else if (n < mode) agree += 0.5 * (n > 1 ? 1 : 0);
  }
  return { delimiter, consistency: agree / counts.length, fields: mode };
}

/**
 * Picks the delimiter for `text`. `preferred` (from the file extension, e.g.
 * tab for .tsv) wins ties. A text with a single column yields `preferred`
 * or ','.
 */
export function sniffDelimiter(text: string, preferred?: Delimiter): Delimiter {
  const complete = text.length <= SAMPLE_CHARS;
  const sample = complete ? text : text.slice(0, SAMPLE_CHARS);
  const order = preferred ? [preferred, ...DELIMITERS.filter((d) => d !== preferred)] : DELIMITERS;
  let best: Score | null = null;
  for (const d of order) {
    const s = score(sample, d, complete);
    if (s.consistency === 0) continue;
    if (
      best === null ||
      s.consistency > best.consistency + 1e-9 ||
      (Math.abs(s.consistency - best.consistency) <= 1e-9 &&
        s.fields > best.fields &&
        d !== preferred &&
        best.delimiter !== preferred)
    ) {
      best = s;
    }
  }
  return best?.delimiter ?? preferred ?? ',';
}
