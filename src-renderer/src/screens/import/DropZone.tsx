import { useRef, useState, type DragEvent } from 'react';
import { READABLE_EXTENSIONS } from '../../../../src-shared/import/read';
import { Button } from '../../ui/Button';

/** Drag a file here or choose one; the button is the keyboard path (Tab, Enter). */
export function DropZone({ onFile, disabled }: { onFile(file: File): void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
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
        Excel (.xlsx, .xlsm, .xls, and the web-page and XML files web apps export as Excel), OpenDocument
        (.ods), text (.csv, .tsv, .txt) or contacts (.vcf).
      </p>
      <Button variant="primary" disabled={disabled} onClick={() => input.current?.click()}>
        Choose file…
      </Button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        accept={READABLE_EXTENSIONS}
        aria-label="Lead file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
