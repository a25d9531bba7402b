import { useKeys } from '../store/keys';
import { useStatus } from '../store/status';
import { Badge } from '../ui/Badge';

/** Bottom bar: keychain health always, plus whatever badges screens publish through useStatus. */
export function StatusArea() {
  const overview = useKeys((s) => s.overview);
  const badges = useStatus((s) => s.badges);
  const keysSet = overview?.providers.filter((p) => p.set).length ?? 0;
  return (
    <footer className="app-status" aria-label="Status">
      {overview === null ? (
        <span>Checking the keychain…</span>
      ) : overview.keychain.available ? (
        <Badge tone="ok" title="API keys are stored in the operating system's keychain">
          Keychain ready · {keysSet} of {overview.providers.length} keys set
        </Badge>
      ) : (
        <Badge tone="danger" title={overview.keychain.reason ?? undefined}>
          Keychain unavailable
        </Badge>
      )}
      {Object.entries(badges).map(([key, b]) => (
        <Badge key={key} tone={b.tone} title={b.title}>
          {b.text}
        </Badge>
      ))}
    </footer>
  );
}
