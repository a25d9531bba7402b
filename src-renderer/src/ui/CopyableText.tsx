import { useRef, useState } from 'react';
import { Button } from './Button';

/**
 * Shows a path or link the host could not open itself (browser mode), with a Copy button. Falls back to
 * selecting the text when the clipboard is not available.
 */
export function CopyableText({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  };
  return (
    <div className="input-row">
      <input
        ref={inputRef}
        className="input mono"
        readOnly
        value={value}
        aria-label={label}
        onFocus={(e) => e.currentTarget.select()}
      />
      <Button size="sm" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}
