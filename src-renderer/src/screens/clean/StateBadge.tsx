import { LEAD_STATE_LABELS, type LeadFlag, type LeadState } from '../../../../src-shared/import/types';
import { Badge, type Tone } from '../../ui/Badge';
import './clean.css';

export const STATE_TONES: Readonly<Record<LeadState, Tone>> = {
  ready: 'ok',
  needs_fix: 'warn',
  invalid: 'danger',
  duplicate: 'info',
  suppressed: 'neutral',
};

/**
 * A lead's state with its reason beside it, as in the Import preview and the Clean table. A reason
 * that only repeats the state ("Ready" beside Ready) is left out. `wrap`: the reason wraps under the
 * badge in a narrow column instead of being cut to one line (where the table has room to grow rows).
 */
export function StateBadge({
  state,
  reason,
  wrap = false,
}: {
  state: LeadState;
  reason: string;
  wrap?: boolean;
}) {
  const label = LEAD_STATE_LABELS[state];
  return (
    <span className={wrap ? 'state-cell state-cell-wrap' : 'state-cell'}>
      <Badge tone={STATE_TONES[state]}>{label}</Badge>
      {reason !== label && (
        <span className="state-reason" title={reason}>
          {reason}
        </span>
      )}
    </span>
  );
}

export const FLAG_LABELS: Readonly<Record<LeadFlag, string>> = {
  role: 'Role address',
  free_mail: 'Free-mail',
  disposable: 'Disposable',
  typo: 'Typo?',
  no_name: 'No name',
  name_in_address: 'Name in address',
  multiple_emails: 'Several emails',
  verifier_undeliverable: 'Verifier: undeliverable',
  verifier_unconfirmed: 'Verifier: unconfirmed',
  linkedin_not_profile: 'Not a profile URL',
  phone_as_number: 'Phone mangled',
  possible_duplicate: 'Possible duplicate',
  in_database: 'Already imported',
  similar_in_database: 'Similar lead imported',
  company_from_colleagues: 'Company from colleagues',
  opted_out: 'Opted out (in the file)',
  bounced: 'Bounced (in the file)',
  declined: 'Not interested (in the file)',
  answered: 'Already answered (in the file)',
};

export function FlagList({ flags }: { flags: readonly LeadFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <span className="flag-list">
      {flags.map((f) => (
        <Badge key={f}>{FLAG_LABELS[f]}</Badge>
      ))}
    </span>
  );
}
