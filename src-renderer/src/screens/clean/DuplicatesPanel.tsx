import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import type { GroupView, LeadRow } from '../../../../src-shared/contract/imports';
import { api, errorMessage } from '../../api/client';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { plural } from '../../ui/format';
import { leadName } from './lead-format';
import { StateBadge } from './StateBadge';

const GROUPS_PER_PAGE = 10;
/** Where "Review N duplicate groups" above the table jumps to. */
export const DUPLICATES_PANEL_ID = 'duplicates-to-review';

const KIND_LABELS: Record<GroupView['kind'], string> = {
  email: 'Same email address',
  linkedin: 'Same LinkedIn profile',
  name_company: 'Similar name at the same company',
};

const FACTS: readonly { label: string; value(l: LeadRow): string | null }[] = [
  { label: 'Email', value: (l) => l.email },
  { label: 'Name', value: (l) => leadName(l) || null },
  { label: 'Company', value: (l) => l.company },
  { label: 'Title', value: (l) => l.title },
  { label: 'Website', value: (l) => l.website ?? l.domain },
  { label: 'LinkedIn', value: (l) => l.linkedinUrl },
  { label: 'Phone', value: (l) => l.phone },
];

interface Props {
  importId: number;
  readOnly: boolean;
  /** Bumped when leads change elsewhere, so the groups are read again. */
  version: number;
  onChanged(): void;
}

/** Duplicate groups still waiting for a decision, each with its members side by side. */
export function DuplicatesPanel({ importId, readOnly, version, onChanged }: Props) {
  const [groups, setGroups] = useState<GroupView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [limit, setLimit] = useState(GROUPS_PER_PAGE);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const r = await api.call('groups.list', { importId, status: 'open', limit });
      setGroups(r.groups);
      setTotal(r.total);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [importId, limit]);
  useEffect(() => {
    void load();
  }, [load, version]);

  return (
    <Card
      title="Duplicates to review"
      subtitle={
        groups === null
          ? undefined
          : total === 0
            ? 'No open duplicate groups.'
            : `${plural(total, 'group')} waiting for a decision.`
      }
      label="Duplicates"
      id={DUPLICATES_PANEL_ID}
    >
      {error && <p className="field-error">{error}</p>}
      {groups?.map((g) => (
        <GroupCard key={g.id} group={g} readOnly={readOnly} onResolved={onChanged} />
      ))}
      {groups && groups.length < total && (
        <Button size="sm" onClick={() => setLimit((n) => n + GROUPS_PER_PAGE)}>
          Show more groups
        </Button>
      )}
    </Card>
  );
}

function GroupCard({
  group,
  readOnly,
  onResolved,
}: {
  group: GroupView;
  readOnly: boolean;
  onResolved(): void;
}) {
  const [survivor, setSurvivor] = useState<number>(group.survivorId ?? group.members[0]?.id ?? 0);
  const [merge, setMerge] = useState(true);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      onResolved();
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };
  const hidden = group.memberCount - group.members.length;
  const rows =
    group.members.map((m) => `row ${m.rowNumber}`).join(', ') +
    (hidden > 0 ? ` and ${plural(hidden, 'more row')}` : '');
  return (
    <section className="dup-group" aria-label={`Duplicate group: ${rows}`}>
      <p>
        <strong>{KIND_LABELS[group.kind]}</strong> <span className="muted">({rows})</span>
      </p>
      {hidden > 0 && (
        <p className="muted">
          Showing {group.members.length} of {group.memberCount} rows. The row you keep is sent for all of
          them; the others become its duplicates.
        </p>
      )}
      <div className="grid-scroll">
        <table className="table dup-table" style={{ '--dup-members': group.members.length } as CSSProperties}>
          <thead>
            <tr>
              <th scope="col">Keep</th>
              {group.members.map((m) => (
                <th scope="col" key={m.id}>
                  <label className="row">
                    <input
                      type="radio"
                      name={`survivor-${group.id}`}
                      checked={survivor === m.id}
                      disabled={readOnly}
                      onChange={() => setSurvivor(m.id)}
                      aria-label={`Keep row ${m.rowNumber}`}
                    />
                    Row {m.rowNumber}
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">State</th>
              {group.members.map((m) => (
                <td key={m.id}>
                  <StateBadge state={m.state} reason={m.reason} wrap />
                </td>
              ))}
            </tr>
            {FACTS.map((f) => (
              <tr key={f.label}>
                <th scope="row">{f.label}</th>
                {group.members.map((m) => (
                  <td key={m.id}>{f.value(m) ?? <span className="muted">—</span>}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <div className="row">
          <label className="row">
            <input type="checkbox" checked={merge} onChange={(e) => setMerge(e.currentTarget.checked)} /> Fill
            empty fields from the others
          </label>
          <Button
            size="sm"
            variant="primary"
            busy={busy}
            onClick={() =>
              void act(() =>
                api.call('groups.resolve', {
                  groupId: group.id,
                  survivorId: survivor,
                  mergeEmptyFields: merge,
                }),
              )
            }
          >
            Keep the selected row
          </Button>
          <Button
            size="sm"
            disabled={busy}
            onClick={() => void act(() => api.call('groups.keepBoth', { groupId: group.id }))}
          >
            Not the same person: keep all
          </Button>
        </div>
      )}
    </section>
  );
}
