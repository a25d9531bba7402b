import type { DestinationInfo } from '../../../../src-shared/contract/push';
import type { Destination } from '../../../../src-shared/push/types';
import { useNav } from '../../store/nav';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';

interface Props {
  destinations: DestinationInfo[];
  value: Destination | null;
  onChange(d: Destination): void;
}

/** One radio per destination, with its key status and what it does with the leads. */
export function DestinationPicker({ destinations, value, onChange }: Props) {
  const go = useNav((s) => s.go);
  return (
    <fieldset className="push-choices">
      <legend className="visually-hidden">Destination</legend>
      {destinations.map((d) => (
        <div key={d.destination} className="push-choice" data-checked={value === d.destination || undefined}>
          <label className="row">
            <input
              type="radio"
              name="push-destination"
              value={d.destination}
              checked={value === d.destination}
              onChange={() => onChange(d.destination)}
            />
            <strong>{d.label}</strong>
            {d.keySet ? <Badge tone="ok">Key set</Badge> : <Badge tone="warn">No key</Badge>}
            {d.sendsEmail && <Badge tone="danger">Sends email</Badge>}
          </label>
          {d.notes.map((n) => (
            <p key={n} className="muted push-note">
              {n}
            </p>
          ))}
          {!d.keySet && (
            <p className="push-note">
              No {d.label} API key is saved.{' '}
              <Button size="sm" variant="ghost" onClick={() => go('settings')}>
                Add it in Settings
              </Button>
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}
