import { useId } from 'react';
import { encodingName, isTextEncoding, TEXT_ENCODINGS } from '../../../../src-shared/import/read/text';
import { useImportFlow } from './flow';

/**
 * The encoding a text file is read in, detected and open to correction: a Central European or Cyrillic
 * file saved by Excel reads as Windows-1252 and looks it ("£ukasz", "Èâàí") until the user picks its own.
 */
export function EncodingPicker({ disabled }: { disabled: boolean }) {
  const opened = useImportFlow((s) => s.opened);
  const setEncoding = useImportFlow((s) => s.setEncoding);
  const id = useId();
  const encoding = opened?.encoding;
  if (!encoding || !isTextEncoding(encoding)) return null;
  return (
    <div className="field encoding-picker">
      <label className="field-label" htmlFor={id}>
        Text encoding
      </label>
      <select
        id={id}
        className="select"
        value={encoding}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const chosen = e.currentTarget.value;
          if (isTextEncoding(chosen)) void setEncoding(chosen);
        }}
      >
        {TEXT_ENCODINGS.map((e) => (
          <option key={e} value={e}>
            {encodingName(e)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        Found from the file. If names below show odd characters (RenŽ, £ukasz, Èâàí), pick the encoding the
        file was saved in.
      </p>
    </div>
  );
}
