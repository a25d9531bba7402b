import { resolve } from 'node:path';
import { Option } from 'commander';
import type { ReviewFilter, ReviewRow, ReviewState, StateTarget } from '../../../src-shared/contract/review';
import { REVIEW_FLAGS, ReviewFlagSchema, type ReviewFlag } from '../../../src-shared/review/flags';
import { createExportService } from '../../services/export';
import { UsageError, type CommandModule } from '../runtime';

const STATES: readonly ReviewState[] = ['pending', 'approved', 'rejected'];
const PAGE = 500;

function positiveId(value: string, what: string): number {
  if (!value) throw new UsageError(`${what} ID is required.`);
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${what} must be a positive whole number, got "${value}".`);
  return n;
}

function parseFlags(values: string[] | undefined): ReviewFlag[] {
  return (values ?? []).map((v) => {
    const f = ReviewFlagSchema.safeParse(v);
    if (!f.success) throw new UsageError(`Unknown flag "${v}". Flags: ${REVIEW_FLAGS.join(', ')}.`);
    return f.data;
  });
}

function parseStates(values: string[] | undefined): ReviewState[] {
  return (values ?? []).map((v) => {
    if (!STATES.includes(v as ReviewState))
      throw new UsageError(`Unknown state "${v}". States: ${STATES.join(', ')}.`);
    return v as ReviewState;
  });
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function describeRow(r: ReviewRow): string {
  const who = [r.fullName ?? [r.firstName, r.lastName].filter(Boolean).join(' '), r.company]
    .filter(Boolean)
    .join(', ');
  return `${String(r.leadId).padStart(7)}  ${r.reviewState.padEnd(8)}  ${(r.email ?? '').padEnd(32)}  ${who}${r.flags.length ? `  [${r.flags.join(', ')}]` : ''}`;
}

export const registerReview: CommandModule = (program, rt) => {
  const review = program
    .command('review')
    .description("list a run's leads with review state and flags, or approve/reject/reset them in bulk")
    .option('--run <id>', 'run id (see `leadprep runs list`)')
    .option('--flag <flag>', `only leads with this flag (repeatable): ${REVIEW_FLAGS.join(', ')}`, collect)
    .option('--state <state>', `only leads in this review state (repeatable): ${STATES.join(', ')}`, collect)
    .option(
      '--search <text>',
      'only leads whose name, company, email, subjects or bodies contain these words',
    )
    .action(async (opts: { run?: string; flag?: string[]; state?: string[]; search?: string }) => {
      const runId = positiveId(opts.run ?? '', '--run');
      const filter: ReviewFilter = {
        search: opts.search ?? '',
        states: parseStates(opts.state),
        flags: parseFlags(opts.flag),
        flagless: false,
      };
      const rows: ReviewRow[] = [];
      let total = 0;
      for (let offset = 0; ; offset += PAGE) {
        const page = await rt.call('review.list', { runId, filter, offset, limit: PAGE, counts: false });
        total = page.total;
        rows.push(...page.rows);
        if (page.rows.length < PAGE) break;
      }
      rt.print({ runId, total, leads: rows }, () =>
        rows.length
          ? `${rows.map(describeRow).join('\n')}\n${total} lead${total === 1 ? '' : 's'}`
          : 'No leads match.',
      );
    });

  for (const [verb, state] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
    ['reset', 'pending'],
  ] as const) {
    review
      .command(verb)
      .description(`${verb === 'reset' ? 'set back to pending' : verb} leads of a run (undoable in the app)`)
      .option('--run <id>', 'run id')
      .option('--all', 'every lead of the run')
      .option('--flagless', 'every lead without any quality flag')
      .option('--email <email...>', 'these leads, by email address')
      .action(async (opts: { run?: string; all?: boolean; flagless?: boolean; email?: string[] }) => {
        // `review` itself takes --run too, so commander may hand the value to the parent.
        const runId = positiveId(opts.run ?? review.opts<{ run?: string }>().run ?? '', '--run');
        const chosen = [opts.all, opts.flagless, opts.email?.length].filter(Boolean).length;
        if (chosen !== 1) throw new UsageError('Give exactly one of --all, --flagless or --email E...');
        const empty = { search: '', states: [], flags: [], flagless: false };
        const target: StateTarget = opts.email?.length
          ? { kind: 'emails', emails: opts.email }
          : { kind: 'filter', filter: { ...empty, flagless: Boolean(opts.flagless) } };
        const result = await rt.call('review.setState', { runId, state, target });
        rt.print(result, () => `${result.changed} of ${result.matched} matching leads changed to ${state}.`);
        if (target.kind === 'emails' && result.matched < target.emails.length) {
          process.stderr.write(
            `${target.emails.length - result.matched} of the emails given are not in run ${runId}.\n`,
          );
        }
      });
  }

  program
    .command('export')
    .description('export leads with their sequences to .xlsx or .csv')
    .addOption(new Option('--run <id>', 'leads of this run').conflicts('import'))
    .addOption(
      new Option('--import <id>', 'leads of this import (sequences from the latest run of each lead)'),
    )
    .option('--approved-only', 'only approved leads (the default for --run)')
    .option('--all', 'every lead, whatever its review state (the default for --import)')
    .addOption(new Option('--format <format>', 'file format').choices(['xlsx', 'csv']).makeOptionMandatory())
    .requiredOption('--out <file>', 'file to write (replaced if it exists)')
    .option(
      '--no-escape-formulas',
      "write cells starting with = + - @ exactly as they are (default: prefix them with ')",
    )
    .action(
      async (opts: {
        run?: string;
        import?: string;
        approvedOnly?: boolean;
        all?: boolean;
        format: 'xlsx' | 'csv';
        out: string;
        escapeFormulas: boolean;
      }) => {
        if (!opts.run === !opts.import) throw new UsageError('Give either --run ID or --import ID.');
        if (opts.approvedOnly && opts.all)
          throw new UsageError('--approved-only and --all exclude each other.');
        const source = opts.run
          ? ({ kind: 'run', runId: positiveId(opts.run, '--run') } as const)
          : ({ kind: 'import', importId: positiveId(opts.import ?? '', '--import') } as const);
        const which = opts.approvedOnly
          ? 'approved'
          : opts.all
            ? 'all'
            : source.kind === 'run'
              ? 'approved'
              : 'all';
        const result = await createExportService(rt.ctx()).exportToFile(
          {
            source,
            which,
            leadIds: [],
            format: opts.format,
            escapeFormulas: opts.escapeFormulas,
            jobId: null,
          },
          resolve(opts.out),
        );
        rt.print(result, () => `Wrote ${result.rows} lead${result.rows === 1 ? '' : 's'} to ${result.path}`);
      },
    );
};
