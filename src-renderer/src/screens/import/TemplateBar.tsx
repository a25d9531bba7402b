import { useEffect, useState } from 'react';
import type { TemplateView } from '../../../../src-shared/contract/imports';
import type { ColumnMapping } from '../../../../src-shared/import/types';
import { api, errorMessage } from '../../api/client';
import { toast } from '../../store/toasts';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { plural } from '../../ui/format';

interface Props {
  headers: readonly string[];
  mapping: ColumnMapping;
  applied: { id: number; name: string } | null;
  onSaved(template: { id: number; name: string }): void;
}

/** Notice of an auto-applied template, "save as template", and rename/delete of saved ones. */
export function TemplateBar({ headers, mapping, applied, onSaved }: Props) {
  const [name, setName] = useState(applied?.name ?? '');
  const [saving, setSaving] = useState(false);
  const [templates, setTemplates] = useState<TemplateView[] | null>(null);
  const [managing, setManaging] = useState(false);

  const load = () =>
    api.call('imports.templates.list', {}).then(
      (r) => setTemplates(r.templates),
      (e: unknown) => toast.error(e),
    );
  useEffect(() => {
    if (managing) void load();
  }, [managing]);

  const save = async () => {
    setSaving(true);
    try {
      const t = await api.call('imports.templates.save', { name, headers: [...headers], mapping });
      toast.success(`Mapping saved as "${t.name}". Files with the same columns will use it automatically.`);
      onSaved({ id: t.id, name: t.name });
      if (managing) void load();
    } catch (e) {
      toast.error(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="stack-sm">
      {applied && (
        <Banner tone="info" title={`Saved mapping "${applied.name}" applied`}>
          <p>
            This file has the same columns as the file you saved it from. Change anything below if needed.
          </p>
        </Banner>
      )}
      <div className="row">
        <input
          className="input"
          aria-label="Template name"
          placeholder="Template name, e.g. Apollo export"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Button busy={saving} disabled={name.trim() === ''} onClick={() => void save()}>
          Save mapping as template
        </Button>
        <Button variant="ghost" aria-expanded={managing} onClick={() => setManaging(!managing)}>
          {managing ? 'Hide templates' : 'Manage templates'}
        </Button>
      </div>
      {managing && <TemplateList templates={templates} onChanged={() => void load()} />}
    </div>
  );
}

function TemplateList({ templates, onChanged }: { templates: TemplateView[] | null; onChanged(): void }) {
  if (templates === null)
    return (
      <p className="muted" role="status">
        Loading templates…
      </p>
    );
  if (templates.length === 0) return <p className="muted">No saved templates yet.</p>;
  return (
    <ul className="template-list" aria-label="Saved templates">
      {templates.map((t) => (
        <TemplateItem key={t.id} template={t} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function TemplateItem({ template, onChanged }: { template: TemplateView; onChanged(): void }) {
  const [name, setName] = useState(template.name);
  const [confirming, setConfirming] = useState(false);
  const rename = async () => {
    try {
      await api.call('imports.templates.rename', { id: template.id, name });
      onChanged();
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };
  const remove = async () => {
    try {
      await api.call('imports.templates.delete', { id: template.id });
      setConfirming(false);
      onChanged();
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };
  return (
    <li className="row">
      <input
        className="input"
        aria-label={`Name of template ${template.name}`}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <span className="muted">{plural(template.headers.length, 'column')}</span>
      <Button size="sm" disabled={name.trim() === '' || name === template.name} onClick={() => void rename()}>
        Rename
      </Button>
      <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Delete template "${template.name}"?`}
        confirmLabel="Delete template"
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>Imports already made with it keep their mapping.</p>
      </ConfirmDialog>
    </li>
  );
}
