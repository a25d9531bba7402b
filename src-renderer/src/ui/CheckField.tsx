import { useId, type ReactNode } from 'react';

/** A checkbox with its label and a hint under it that says what ticking it does. */
export function CheckField({
  checked,
  onChange,
  label,
  hint,
}: {
  checked: boolean;
  onChange(checked: boolean): void;
  label: ReactNode;
  hint: ReactNode;
}) {
  const hintId = useId();
  return (
    <div>
      <label className="radio">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{' '}
        {label}
      </label>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
    </div>
  );
}
