import type { Preview } from '../../workers/import-messages';
import { Banner } from '../../ui/Banner';
import { StateBadge } from '../clean/StateBadge';
import { leadName } from '../clean/lead-format';

/** The first rows as they will be imported: mapped, cleaned and classified, updated on every mapping change. */
export function MappingPreview({ preview }: { preview: Preview | null }) {
  if (!preview)
    return (
      <p className="muted" role="status">
        Preparing the preview…
      </p>
    );
  if (!preview.ok) {
    return (
      <Banner tone="danger" title="This mapping cannot be imported yet">
        <p>{preview.message}</p>
      </Banner>
    );
  }
  if (preview.rows.length === 0) return <p className="muted">There are no rows below the header row.</p>;
  return (
    // Nothing inside takes focus, so the box itself does: the keyboard can scroll it.
    <div className="grid-scroll" tabIndex={0} role="region" aria-label="Preview, scrollable">
      <table className="table" aria-label="Preview of the first rows">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">State</th>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Company</th>
            <th scope="col">Title</th>
            <th scope="col">Domain</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.rowNumber}>
              <td>{r.rowNumber}</td>
              <td>
                <StateBadge state={r.state} reason={r.reason} wrap />
              </td>
              <td>{r.lead.email ?? '—'}</td>
              <td>{leadName(r.lead) || '—'}</td>
              <td>{r.lead.company ?? '—'}</td>
              <td>{r.lead.title ?? '—'}</td>
              <td>{r.lead.domain ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
