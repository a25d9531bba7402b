import type { PushPreview } from '../../../../src-shared/contract/push';
import { Banner } from '../../ui/Banner';
import { absoluteTime, plural } from '../../ui/format';

/** The dry run: what a push would send, what it leaves out and why, and what the template can use. */
export function PreviewPanel({
  preview,
  skipAlreadyPushed,
  onSkipAlreadyPushed,
}: {
  preview: PushPreview;
  skipAlreadyPushed: boolean;
  onSkipAlreadyPushed(v: boolean): void;
}) {
  const segmentflow = preview.destination === 'segmentflow';
  const items = segmentflow ? plural(preview.itemCount, 'email') : plural(preview.itemCount, 'lead');
  return (
    <div className="stack" aria-label="Dry-run preview" role="region">
      <p className="push-summary-line" data-testid="push-preview-summary">
        <strong>{plural(preview.leadCount, 'approved lead')}</strong> → <strong>{items}</strong> in{' '}
        <strong>{plural(preview.requests, 'request')}</strong> (up to {preview.chunkSize.toLocaleString()} per
        request) to {preview.targetLabel}.
      </p>
      <p className="muted">
        Run review: {preview.review.approved.toLocaleString()} approved,{' '}
        {preview.review.pending.toLocaleString()} pending, {preview.review.rejected.toLocaleString()}{' '}
        rejected.
      </p>
      {preview.notes.length > 0 && (
        <ul className="push-notes">
          {preview.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {preview.repeatCount > 0 && (
        <Banner tone="warn" title={`${plural(preview.repeatCount, 'item')} already pushed here before`}>
          <ul className="push-list">
            {preview.repeats.slice(0, 5).map((r) => (
              <li key={`${r.leadId}-${r.step ?? 0}`}>
                {r.email}
                {r.step !== null && ` (step ${r.step})`} — push #{r.pushId}, {absoluteTime(r.pushedAt)}
              </li>
            ))}
            {preview.repeatCount > 5 && <li>…and {(preview.repeatCount - 5).toLocaleString()} more</li>}
          </ul>
          <label className="row">
            <input
              type="checkbox"
              checked={skipAlreadyPushed}
              onChange={(e) => onSkipAlreadyPushed(e.target.checked)}
            />
            Leave them out of this push
          </label>
          <p>Otherwise you will be asked to confirm pushing them again.</p>
        </Banner>
      )}
      {preview.excludedCount > 0 && (
        <details className="push-details" open={preview.excludedCount <= 20}>
          <summary>{plural(preview.excludedCount, 'approved item')} left out, and why</summary>
          <div className="push-scroll-small">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Step</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {preview.excluded.map((x) => (
                  <tr key={`${x.leadId}-${x.step ?? 0}`}>
                    <td>{x.email ?? <span className="muted">no email</span>}</td>
                    <td>{x.step ?? '—'}</td>
                    <td>{x.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.excluded.length < preview.excludedCount && (
            <p className="muted">Showing the first {preview.excluded.length.toLocaleString()}.</p>
          )}
        </details>
      )}
      {preview.variables.length > 0 && (
        <div>
          <p className="field-label">Variables that will be sent</p>
          <p className="push-vars">
            {preview.variables.map((v) => (
              <code key={v}>{v}</code>
            ))}
          </p>
        </div>
      )}
      {preview.sample && (
        <details className="push-details">
          <summary>The first item exactly as it will be sent</summary>
          <pre className="push-sample">{JSON.stringify(preview.sample, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}
