import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../src-shared/contract/settings';
import { api, errorMessage } from '../../api/client';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { relativeTime } from '../../ui/format';
import { CopyableText } from '../../ui/CopyableText';

const HOST_LABEL: Record<AppInfo['host'], string> = {
  electron: 'Desktop app',
  web: 'Browser mode',
  cli: 'Command line',
};

export function AppInfoCard() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'logs' | 'backups' | 'backup' | null>(null);
  // Set when the host cannot open a file manager (browser mode): the path is shown to copy instead.
  const [unrevealed, setUnrevealed] = useState<{ path: string; label: string } | null>(null);

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

  async function act(which: NonNullable<typeof busy>, work: () => Promise<void>): Promise<void> {
    setBusy(which);
    try {
      await work();
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(null);
    }
  }

  const reveal = (which: 'logs' | 'backups') =>
    act(which, async () => {
      const result = await api.call(which === 'logs' ? 'logs.reveal' : 'backups.reveal', {});
      if (result.revealed) {
        setUnrevealed(null);
        toast.success(which === 'logs' ? 'Opened the log folder.' : 'Opened the backups folder.');
      } else {
        setUnrevealed({
          path: result.path,
          label: which === 'logs' ? 'Log file path' : 'Backups folder path',
        });
      }
    });

  const backUpNow = () =>
    act('backup', async () => {
      const { path, at } = await api.call('app.backup', {});
      setInfo((i) => i && { ...i, lastBackupAt: at });
      toast.success(`Saved a copy of your data: ${path}`);
    });

  return (
    <Card
      title="About this copy of LeadPrep"
      subtitle="Where your data, its copies and the logs live."
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
          <dt>Backups</dt>
          <dd>
            <span className="mono">{info.backupDir}</span>
            <br />
            <span className="muted">
              {info.lastBackupAt === null
                ? 'No copy yet. LeadPrep saves one each day it runs.'
                : `Latest copy ${relativeTime(info.lastBackupAt)}; LeadPrep saves one each day it runs and keeps a week of them.`}
            </span>
          </dd>
        </dl>
      )}
      <div className="row">
        <Button onClick={() => void backUpNow()} busy={busy === 'backup'} disabled={busy !== null}>
          Back up now
        </Button>
        <Button onClick={() => void reveal('backups')} busy={busy === 'backups'} disabled={busy !== null}>
          Reveal backups
        </Button>
        <Button onClick={() => void reveal('logs')} busy={busy === 'logs'} disabled={busy !== null}>
          Reveal logs
        </Button>
      </div>
      {unrevealed && (
        <div className="stack-sm">
          <p className="field-hint">
            This window cannot open folders. Copy the path and open it in your file manager.
          </p>
          <CopyableText value={unrevealed.path} label={unrevealed.label} />
        </div>
      )}
    </Card>
  );
}
