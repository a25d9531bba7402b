import { useEffect, useRef, useState, type DragEvent } from 'react';
import { READABLE_EXTENSIONS } from '../../../../src-shared/import/read';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { isTyping, SHORTCUT_PREFIX } from '../../ui/keys';
import { pastedFiles } from './pasted';

/**
 * Drag files here or choose them; the button is the keyboard path (Tab, Enter). Rows copied from a
 * spreadsheet or a web page can be pasted anywhere on the screen (`pastedFiles`).
 */
export function DropZone({
  onFiles,
  disabled,
}: {
  onFiles(files: readonly File[]): void;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (disabled || isTyping(e.target) || !e.clipboardData) return;
      e.preventDefault();
      const files = pastedFiles({
        files: [...e.clipboardData.files],
        html: e.clipboardData.getData('text/html'),
        text: e.clipboardData.getData('text/plain'),
      });
      if (files.length > 0) onFiles(files);
      else
        toast.info(
          'There are no rows on the clipboard. Copy the rows in your spreadsheet, then paste them here.',
        );
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [disabled, onFiles]);

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
        OpenDocument (.ods), Apple Numbers (.numbers), text (.csv, .tsv, .txt), contacts (.vcf), JSON exports
        (.json), or a .zip of them. Several files are imported one after the other. Rows copied from a
        spreadsheet or a web page can be pasted here ({SHORTCUT_PREFIX}V).
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
