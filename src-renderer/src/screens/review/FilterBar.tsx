import type { ReactNode, Ref } from 'react';
import type { ReviewCounts, ReviewState } from '../../../../src-shared/contract/review';
import { REVIEW_FLAGS, type ReviewFlag } from '../../../../src-shared/review/flags';
import { FLAG_ICON } from './flag-icons';
import { flagLabel } from './highlight';
import { stateLabel } from './ReviewStateBadge';
import { plural } from '../../ui/format';

const STATES: readonly ReviewState[] = ['pending', 'approved', 'rejected'];

export interface FacetState {
  states: ReviewState[];
  flags: ReviewFlag[];
  flagless: boolean;
}

const toggle = <T,>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

function Chip({
  pressed,
  count,
  onClick,
  children,
}: {
  pressed: boolean;
  count: number | undefined;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="chip" aria-pressed={pressed} onClick={onClick}>
      {children}
      <span className="chip-count">{count === undefined ? '…' : count.toLocaleString()}</span>
    </button>
  );
}

/** Search, review-state chips and flag chips; every chip shows how many leads clicking it would give. */
export function FilterBar({
  searchText,
  onSearch,
  searchRef,
  facets,
  onFacets,
  counts,
  total,
}: {
  searchText: string;
  onSearch(text: string): void;
  searchRef: Ref<HTMLInputElement>;
  facets: FacetState;
  onFacets(f: FacetState): void;
  counts: ReviewCounts | null;
  total: number | null;
}) {
  // Flags nobody has stay out of the way unless they are part of the filter.
  const flagsShown = REVIEW_FLAGS.filter((f) => (counts?.byFlag[f] ?? 0) > 0 || facets.flags.includes(f));
  return (
    <div className="stack-sm review-filters">
      <div className="row">
        <input
          ref={searchRef}
          className="input search"
          type="search"
          aria-label="Search subjects, bodies, names and companies"
          placeholder="Search subjects, bodies, names, companies…  ( / )"
          value={searchText}
          onChange={(e) => onSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
        />
        <span className="muted" role="status">
          {total === null
            ? 'Loading…'
            : `${total.toLocaleString()} of ${plural(counts?.runTotal ?? total, 'lead')} shown`}
        </span>
      </div>
      <div className="row review-chips" role="group" aria-label="Filter by review state">
        {STATES.map((s) => (
          <Chip
            key={s}
            pressed={facets.states.includes(s)}
            count={counts?.byState[s]}
            onClick={() => onFacets({ ...facets, states: toggle(facets.states, s) })}
          >
            {stateLabel(s)}
          </Chip>
        ))}
      </div>
      <div className="row review-chips" role="group" aria-label="Filter by flag">
        <Chip
          pressed={facets.flagless}
          count={counts?.flagless}
          onClick={() => onFacets({ ...facets, flagless: !facets.flagless, flags: [] })}
        >
          No flags
        </Chip>
        {flagsShown.map((f) => (
          <Chip
            key={f}
            pressed={facets.flags.includes(f)}
            count={counts?.byFlag[f]}
            onClick={() => onFacets({ ...facets, flags: toggle(facets.flags, f), flagless: false })}
          >
            <span aria-hidden="true" className="flag-icon">
              {FLAG_ICON[f]}
            </span>{' '}
            {flagLabel(f)}
          </Chip>
        ))}
      </div>
    </div>
  );
}
