import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../src-shared/contract/settings';
import { api, errorMessage } from '../../api/client';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { CopyableText } from '../../ui/CopyableText';

const HOST_LABEL: Record<AppInfo['host'], string> = {
  electron: 'Desktop app',
  web: 'Browser mode',
  cli: 'Command line',
};

export function AppInfoCard() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  // Set when the host cannot open a file manager (browser mode): the path is shown to copy instead.
  const [unrevealedPath, setUnrevealedPath] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('app.info', {}).then(
      (value) => live && setInfo(value),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const reveal = async () => {
    setRevealing(true);
    try {
      const result = await api.call('logs.reveal', {});
      if (result.revealed) {
        setUnrevealedPath(null);
        toast.success('Opened the log folder.');
      } else {
        setUnrevealedPath(result.path);
      }
    } catch (e) {
      toast.error(e);
    } finally {
      setRevealing(false);
    }
  };

  return (
    <Card
      title="About this copy of LeadPrep"
      subtitle="Where your data and logs live."
      label="App information"
    >
      {error && <p className="field-error">{error}</p>}
      {info && (
        <dl className="facts">
          <dt>Version</dt>
          <dd>
            {info.version} · {HOST_LABEL[info.host]}
          </dd>
          <dt>Data folder</dt>
          <dd className="mono">{info.dataDir}</dd>
          <dt>Database</dt>
          <dd className="mono">{info.databasePath}</dd>
          <dt>Schema version</dt>
          <dd>{info.schemaVersion}</dd>
          <dt>Log file</dt>
          <dd className="mono">{info.logPath}</dd>
        </dl>
      )}
      <div className="row">
        <Button onClick={() => void reveal()} busy={revealing}>
          Reveal logs
        </Button>
      </div>
      {unrevealedPath && (
        <div className="stack-sm">
          <p className="field-hint">
            This window cannot open folders. Copy the path and open it in your file manager.
          </p>
          <CopyableText value={unrevealedPath} label="Log file path" />
        </div>
      )}
    </Card>
  );
}
