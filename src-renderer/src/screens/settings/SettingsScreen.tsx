import { useEffect } from 'react';
import { useKeys } from '../../store/keys';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Screen } from '../../ui/Screen';
import { AppInfoCard } from './AppInfoCard';
import { ProviderKeyCard } from './ProviderKeyCard';
import { SuppressionCard } from './SuppressionCard';

function KeychainUnavailable({ reason }: { reason: string | null }) {
  return (
    <Banner tone="danger" title="The system keychain is not available, so API keys cannot be saved">
      <p>{reason ?? 'LeadPrep could not reach the keychain.'}</p>
      <p>
        LeadPrep keeps API keys only in your operating system&apos;s keychain and never falls back to a file.
        On Linux, install and unlock a Secret Service keyring (GNOME Keyring or KWallet) and make sure you are
        in a desktop session; on macOS and Windows, unlock your login keychain. Then reopen this screen.
      </p>
    </Banner>
  );
}

export default function SettingsScreen() {
  const overview = useKeys((s) => s.overview);
  const loadError = useKeys((s) => s.loadError);
  const refresh = useKeys((s) => s.refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <Screen
      title="Settings"
      description="Connect LeadPrep to MachFive and your sending tools, and keep the list of people never to contact. Keys go straight to your system keychain."
    >
      {loadError && (
        <Banner tone="danger" title="Could not read key status">
          <p>{loadError}</p>
          <Button size="sm" onClick={() => void refresh()}>
            Try again
          </Button>
        </Banner>
      )}
      {overview && !overview.keychain.available && <KeychainUnavailable reason={overview.keychain.reason} />}
      {overview ? (
        <div className="grid-2">
          {overview.providers.map((status) => (
            <ProviderKeyCard
              key={status.provider}
              status={status}
              keychainAvailable={overview.keychain.available}
            />
          ))}
        </div>
      ) : (
        !loadError && (
          <p className="muted" role="status">
            Reading key status…
          </p>
        )
      )}
      <SuppressionCard />
      <AppInfoCard />
    </Screen>
  );
}
