import { useRef, useState, type DragEvent } from 'react';
import { READABLE_EXTENSIONS } from '../../../../src-shared/import/read';
import { Button } from '../../ui/Button';

/** Drag files here or choose them; the button is the keyboard path (Tab, Enter). */
export function DropZone({
  onFiles,
  disabled,
}: {
  onFiles(files: readonly File[]): void;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0 && !disabled) onFiles(files);
  };

  return (
    <div
      className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-zone-title">Drop a lead file here</p>
      <p className="muted">
        Excel (.xlsx, .xlsm, .xlsb, .xls, and the web-page and XML files web apps export as Excel),
        OpenDocument (.ods), text (.csv, .tsv, .txt), contacts (.vcf), JSON exports (.json), or a .zip of
        them. Several files are imported one after the other.
      </p>
      <Button variant="primary" disabled={disabled} onClick={() => input.current?.click()}>
        Choose file…
      </Button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        accept={READABLE_EXTENSIONS}
        multiple
        aria-label="Lead file"
        tabIndex={-1}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
