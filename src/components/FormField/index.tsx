import React, { forwardRef } from 'react';
import styles from '../widgets.module.css';

/** The attributes a field's control takes from its frame: its id, name and the ARIA links to hint and error. */
export interface ControlProps {
  id: string;
  /** `bf-control` (css/custom.css), the look of the site's text fields and selects; none for a file input. */
  className: string | undefined;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FrameProps {
  /** Unique id of the control (the label, hint and error ids derive from it). */
  id: string;
  /** The `name` of the control, also `data-field-error` of its error. */
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  /** The input error shown under the control; none when undefined or empty. */
  error?: string | undefined;
  /** `alert` when the error appears without a submit (a chosen file), so it is announced at once. */
  errorRole?: 'alert';
  /** A control with the browser's own look (a file input): no `bf-control` border. */
  plain?: boolean;
}

/**
 * The frame of one widget form field: the label, the control, a hint, and the error the control
 * is marked invalid by (aria-invalid, aria-describedby), the way every widget form shows them.
 * The control (any input, select or textarea) is rendered by `control` with the attributes it needs.
 */
export function FieldFrame({ id, name, label, hint, error, errorRole, plain, control }: FrameProps & {
  control(props: ControlProps): React.ReactNode;
}): React.JSX.Element {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {control({ id, className: plain ? undefined : 'bf-control', name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? <span id={`${id}-hint`} className={styles.hint}>{hint}</span> : null}
      {error ? <span id={`${id}-error`} role={errorRole} className={styles.fieldError} data-field-error={name}>{error}</span> : null}
    </div>
  );
}

interface TextCommon extends FrameProps {
  value: string;
  onChange(value: string): void;
}

type InputProps = TextCommon & { multiline?: false; type?: 'url' | 'text'; placeholder?: string; inputMode?: 'url' | 'text' | 'numeric' };
type TextareaProps = TextCommon & { multiline: true; rows?: number };

/** A text, URL or multi-line field of a widget form, in a `FieldFrame`. */
const FormField = forwardRef<HTMLInputElement | HTMLTextAreaElement, InputProps | TextareaProps>(function FormField(props, ref) {
  const { value, onChange } = props;
  const text = { value, spellCheck: false, autoComplete: 'off' } as const;
  return (
    <FieldFrame
      {...props}
      control={(control) => (props.multiline ? (
        <textarea ref={ref as React.Ref<HTMLTextAreaElement>} rows={props.rows ?? 5} onChange={(e) => onChange(e.target.value)} {...text} {...control} />
      ) : (
        <input
          ref={ref as React.Ref<HTMLInputElement>}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          placeholder={props.placeholder}
          onChange={(e) => onChange(e.target.value)}
          {...text}
          {...control}
        />
      ))}
    />
  );
});

export default FormField;

/** The state of a form whose text fields are `FormField`s: what `bindField` reads. */
export interface FormState<F extends string> {
  /** The form's `useId()`; a field's id is `<id>-<field>`. */
  id: string;
  values: Readonly<Record<F, string>>;
  errors: Readonly<Partial<Record<string, string | undefined>>>;
  refs: Readonly<Record<F, React.Ref<HTMLInputElement | HTMLTextAreaElement>>>;
  /** The setter of one field's value. */
  set(field: F): (value: string) => void;
}

/** The props that tie a `FormField` to its form's state: ref, id, name, value, onChange and error. */
export function bindField<F extends string>(form: FormState<F>, field: F): Pick<TextCommon, 'id' | 'name' | 'value' | 'onChange' | 'error'> & {
  ref: React.Ref<HTMLInputElement | HTMLTextAreaElement>;
} {
  return { ref: form.refs[field], id: `${form.id}-${field}`, name: field, value: form.values[field], onChange: form.set(field), error: form.errors[field] };
}
