import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { LeadDetail, ReviewFilter, ReviewState } from '../../../../src-shared/contract/review';
import { api, useEvent } from '../../api/client';
import { useNav } from '../../store/nav';
import { toast } from '../../store/toasts';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ChoicePending } from '../../ui/ChoicePending';
import { EmptyState } from '../../ui/EmptyState';
import { plural } from '../../ui/format';
import { Screen } from '../../ui/Screen';
import { focusTarget, useFocusKept } from '../../ui/useFocusKept';
import { useToggleSet } from '../../ui/useToggleSet';
import { openInPush } from '../push/target';
import { BulkBar } from './BulkBar';
import { ExportPanel } from './ExportPanel';
import { FilterBar, type FacetState } from './FilterBar';
import { LeadPane } from './LeadPane';
import { ReviewList } from './ReviewList';
import { RunPicker, useRunChoices } from './RunPicker';
import { ShortcutOverlay } from './ShortcutOverlay';
import { useReviewTarget } from './target';
import { useLeadDetail } from './useLeadDetail';
import { useReviewWindow } from './useReviewWindow';
import { useShortcuts, type ShortcutAction } from './useShortcuts';
import './review.css';

const SEARCH_DEBOUNCE_MS = 150;
const NO_FACETS: FacetState = { states: [], flags: [], flagless: false };

export default function ReviewScreen() {
  const runId = useReviewTarget((s) => s.value);
  const choose = useReviewTarget((s) => s.set);
  const { runs, error } = useRunChoices(runId, choose);
  const go = useNav((s) => s.go);

  if (runId === null || runs === null || !runs.some((r) => r.id === runId)) {
    return (
      <ChoicePending
        title="Review"
        choices={runs}
        error={error}
        errorTitle="Could not list runs"
        loadingText="Loading runs…"
        emptyTitle="No runs yet"
        emptyAction={
          <Button variant="primary" onClick={() => go('generate')}>
            Generate sequences
          </Button>
        }
      >
        <p>Start a generation run first; every lead&apos;s sequence shows up here for review.</p>
      </ChoicePending>
    );
  }
  return (
    <RunReview
      key={runId}
      runId={runId}
      picker={<RunPicker runs={runs} current={runId} onChange={choose} />}
    />
  );
}

/** Text of all steps, to notice when regenerated text has replaced what was there. */
const stepsSignature = (d: LeadDetail) => d.steps.map((s) => `${s.subject}\u0000${s.body}`).join('\u0001');

function RunReview({ runId, picker }: { runId: number; picker: ReactNode }) {
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [facets, setFacets] = useState<FacetState>(NO_FACETS);
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [detailVersion, bumpDetail] = useReducer((n: number) => n + 1, 0);
  const [cursor, setCursor] = useState(0);
  const [follow, setFollow] = useState(0);
  const [selected, toggle, setSelected] = useToggleSet();
  const [editSignal, setEditSignal] = useState(0);
  const [help, setHelp] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [stateBusy, setStateBusy] = useState(false);
  const [regenerating, setRegenerating] = useState<ReadonlyMap<number, string | null>>(new Map());
  const [lastAction, setLastAction] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const busyRef = useRef(false);

  useEffect(() => {
    const t = setTimeout(() => setSearch(searchText), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [searchText]);

  const filter = useMemo<ReviewFilter>(() => ({ search, ...facets }), [search, facets]);
  const data = useReviewWindow(runId, filter, version);
  const total = data.total ?? 0;

  // A new filter starts at the top of the list.
  useEffect(() => setCursor(0), [filter]);
  useEffect(() => {
    if (data.total !== null && cursor >= data.total) setCursor(Math.max(0, data.total - 1));
  }, [data.total, cursor]);

  const row = data.row(cursor);
  const leadId = row?.leadId ?? null;
  const leadRef = useRef(leadId);
  leadRef.current = leadId;
  const { detail, error: detailError, setDetail } = useLeadDetail(runId, leadId, detailVersion);
  const keptFocus = useFocusKept<HTMLDivElement>(detail?.leadId ?? null);

  useEvent('review.changed', (e) => {
    if (e.runId !== runId) return;
    bump();
    if (e.leadIds === null || (leadRef.current !== null && e.leadIds.includes(leadRef.current))) bumpDetail();
  });

  useEffect(() => {
    let live = true;
    api.call('review.actions', { runId, limit: 1 }).then(
      (r) => live && setLastAction(r.actions[0]?.label ?? null),
      () => live && setLastAction(null),
    );
    return () => {
      live = false;
    };
  }, [runId, version]);

  // New text for a lead being regenerated ends its "regenerating" notice.
  useEffect(() => {
    if (!detail || !regenerating.has(detail.leadId)) return;
    const before = regenerating.get(detail.leadId);
    if (
      before !== undefined &&
      before !== null &&
      before !== stepsSignature(detail) &&
      detail.genState === 'generated'
    ) {
      setRegenerating((m) => {
        const next = new Map(m);
        next.delete(detail.leadId);
        return next;
      });
    }
  }, [detail, regenerating]);

  const move = useCallback(
    (delta: number) => {
      setCursor((c) => Math.max(0, Math.min(c + delta, total - 1)));
      setFollow((f) => f + 1);
    },
    [total],
  );

  const setLeadState = async (state: ReviewState, advance: boolean) => {
    if (leadId === null) return;
    const staysInList = facets.states.length === 0 || facets.states.includes(state);
    // When the lead leaves the list, the next one slides under the cursor: wait for that before the next key.
    if (!staysInList && busyRef.current) return;
    busyRef.current = true;
    setStateBusy(true);
    if (advance && staysInList) move(1);
    try {
      await api.call('review.setState', { runId, state, target: { kind: 'leads', leadIds: [leadId] } });
      if (detail?.leadId === leadId) setDetail({ ...detail, reviewState: state });
    } catch (e) {
      toast.error(e);
    } finally {
      busyRef.current = false;
      setStateBusy(false);
    }
  };

  const regenerate = async (leadIds: readonly number[]) => {
    if (leadIds.length === 0) return;
    try {
      const r = await api.call('review.regenerate', { runId, leadIds: [...leadIds] });
      toast.info(`${r.message} The old version is kept until the new one arrives.`);
      setRegenerating((m) => {
        const next = new Map(m);
        for (const id of leadIds) next.set(id, detail?.leadId === id ? stepsSignature(detail) : null);
        return next;
      });
    } catch (e) {
      toast.error(e);
    }
  };

  const undo = async () => {
    try {
      const r = await api.call('review.undo', { runId });
      if (r.undone) toast.success(`Undone: ${r.undone.label}.`);
      else toast.info('Nothing to undo.');
    } catch (e) {
      toast.error(e);
    }
  };

  useShortcuts((action: ShortcutAction) => {
    switch (action) {
      case 'next':
        return move(1);
      case 'prev':
        return move(-1);
      case 'approve':
        return void setLeadState('approved', true);
      case 'reject':
        return void setLeadState('rejected', true);
      case 'reset':
        return void setLeadState('pending', false);
      case 'edit':
        return setEditSignal((n) => n + 1);
      case 'search':
        return searchRef.current?.focus();
      case 'undo':
        return void undo();
      case 'select':
        return leadId !== null && toggle(leadId);
      case 'help':
        return setHelp(true);
    }
  });

  const approved = data.counts?.byState.approved ?? 0;
  const filtered =
    search.trim() !== '' || facets.states.length > 0 || facets.flags.length > 0 || facets.flagless;
  const selectedIds = [...selected];
  return (
    <Screen
      title="Review"
      // The run's name is long (campaign, counts, date): under the title it has the line's width.
      description={
        <span className="screen-context">
          {picker}
          <span>
            Read, fix and approve every email before anything is sent. Press ? for keyboard shortcuts.
          </span>
        </span>
      }
      actions={
        <>
          <Button
            onClick={() => void undo()}
            disabled={lastAction === null}
            aria-keyshortcuts="Z Control+Z Meta+Z"
            title={lastAction ? `Undo: ${lastAction}` : 'Nothing to undo yet'}
          >
            Undo
          </Button>
          <Button variant="ghost" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            Shortcuts
          </Button>
          {approved > 0 && (
            <Button onClick={() => openInPush(runId)}>Push {plural(approved, 'approved lead')}…</Button>
          )}
          <Button variant="primary" aria-expanded={exportOpen} onClick={() => setExportOpen((v) => !v)}>
            Export…
          </Button>
        </>
      }
    >
      {exportOpen && (
        <ExportPanel runId={runId} selected={selectedIds} onClose={() => setExportOpen(false)} />
      )}
      {data.error && (
        <Banner tone="danger" title="Could not load leads">
          {data.error}
        </Banner>
      )}
      <FilterBar
        searchText={searchText}
        onSearch={setSearchText}
        searchRef={searchRef}
        facets={facets}
        onFacets={setFacets}
        counts={data.counts}
        total={data.total}
      />
      <BulkBar
        runId={runId}
        filter={filter}
        total={total}
        selected={selectedIds}
        onClearSelection={() => setSelected(new Set())}
        onRegenerate={(ids) => void regenerate(ids)}
      />
      {data.total === 0 ? (
        <EmptyState
          title={filtered ? 'No lead matches these filters' : 'This run has no leads to review yet'}
        >
          {filtered && (
            <Button
              onClick={() => {
                setSearchText('');
                setSearch('');
                setFacets(NO_FACETS);
              }}
            >
              Clear search and filters
            </Button>
          )}
        </EmptyState>
      ) : (
        <div className="review-split">
          <ReviewList
            data={data}
            cursor={cursor}
            follow={follow}
            selected={selected}
            onPick={setCursor}
            onToggle={toggle}
          />
          <div className="review-detail" {...keptFocus}>
            {detailError && (
              <Banner tone="danger" title="Could not load this lead">
                {detailError}
              </Banner>
            )}
            {detail ? (
              <LeadPane
                key={detail.leadId}
                detail={detail}
                regenerating={
                  regenerating.has(detail.leadId) ||
                  (detail.genState === 'pending' && detail.steps.length > 0)
                }
                editSignal={editSignal}
                busy={stateBusy}
                actions={{
                  setState: (s) => void setLeadState(s, false),
                  regenerate: () => void regenerate([detail.leadId]),
                }}
                onDetail={setDetail}
              />
            ) : (
              !detailError && (
                // In the Tab order while it shows: Tab from the list lands here, then in the email.
                <p className="muted" role="status" tabIndex={0} {...focusTarget}>
                  Loading lead…
                </p>
              )
            )}
          </div>
        </div>
      )}
      <ShortcutOverlay open={help} onClose={() => setHelp(false)} />
    </Screen>
  );
}
