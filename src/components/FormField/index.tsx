import React, { forwardRef } from 'react';
import styles from '../widgets.module.css';

interface Common {
  /** Unique id of the control (the label, hint and error ids derive from it). */
  id: string;
  /** The `name` of the control, also `data-field-error` of its error. */
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  /** The input error shown under the control; none when undefined. */
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
}

type InputProps = Common & { multiline?: false; type?: 'url' | 'text'; placeholder?: string; inputMode?: 'url' | 'text' | 'numeric' };
type TextareaProps = Common & { multiline: true; rows?: number };

/**
 * One labelled form field of a widget: the control, a hint, and the error that the control is
 * marked invalid by (aria-invalid, aria-describedby), the way every widget form shows them.
 */
const FormField = forwardRef<HTMLInputElement | HTMLTextAreaElement, InputProps | TextareaProps>(function FormField(props, ref) {
  const { id, name, label, hint, error, value, onChange } = props;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    name,
    value,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {props.multiline ? (
        <textarea ref={ref as React.Ref<HTMLTextAreaElement>} rows={props.rows ?? 5} onChange={(e) => onChange(e.target.value)} {...shared} />
      ) : (
        <input
          ref={ref as React.Ref<HTMLInputElement>}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          placeholder={props.placeholder}
          onChange={(e) => onChange(e.target.value)}
          {...shared}
        />
      )}
      {hint ? <span id={`${id}-hint`} className={styles.hint}>{hint}</span> : null}
      {error ? <span id={`${id}-error`} className={styles.fieldError} data-field-error={name}>{error}</span> : null}
    </div>
  );
});

export default FormField;
