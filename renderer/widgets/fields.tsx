// Labelled form fields built on react-aria-components, styled once for the whole app.
import { NumberParser } from '@internationalized/number';
import { useMemo, type KeyboardEvent } from 'react';
import type { Key } from 'react-aria-components';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  FieldError,
  Group,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  NumberField,
  Radio,
  RadioGroup,
  TextArea,
  Popover,
  Select,
  SelectValue,
  Text,
  TextField,
  useLocale,
} from 'react-aria-components';
import './widgets.css';

interface FieldBase {
  label: string;
  description?: string;
  className?: string;
  isDisabled?: boolean;
  isRequired?: boolean;
  autoFocus?: boolean;
  /** A message shown under the field and tied to it for screen readers. */
  errorMessage?: string | null;
}

export interface TextInputProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  onKeyDown?: (e: KeyboardEvent) => void;
  type?: 'text' | 'date';
  name?: string;
  placeholder?: string;
}

export function TextInput({ label, description, className, errorMessage, type = 'text', placeholder, ...props }: TextInputProps) {
  return (
    <TextField
      {...props}
      type={type}
      className={`field${className ? ` ${className}` : ''}`}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      <Input className="field-input" placeholder={placeholder} />
      <FieldNotes description={description} errorMessage={errorMessage} />
    </TextField>
  );
}

export interface TextAreaInputProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}

export function TextAreaInput({ label, description, className, errorMessage, rows = 3, ...props }: TextAreaInputProps) {
  return (
    <TextField {...props} className={`field${className ? ` ${className}` : ''}`} isInvalid={Boolean(errorMessage)} validationBehavior="aria">
      <Label className="field-label">{label}</Label>
      <TextArea className="field-input field-textarea" rows={rows} />
      <FieldNotes description={description} errorMessage={errorMessage} />
    </TextField>
  );
}

export interface RadioChoiceProps<K extends string> extends FieldBase {
  value: K | null;
  onChange: (value: K) => void;
  options: ReadonlyArray<Choice<K>>;
  orientation?: 'horizontal' | 'vertical';
}

/** A few mutually exclusive choices, all visible (arrow keys move between them). */
export function RadioChoice<K extends string>({ label, description, className, errorMessage, value, onChange, options, orientation = 'horizontal', ...props }: RadioChoiceProps<K>) {
  return (
    <RadioGroup
      {...props}
      value={value}
      onChange={(v) => onChange(v as K)}
      orientation={orientation}
      className={`field radio-field ${orientation}${className ? ` ${className}` : ''}`}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      <div className="radio-options">
        {options.map((o) => (
          <Radio key={o.id} value={o.id} className="radio">
            {o.label}
          </Radio>
        ))}
      </div>
      <FieldNotes description={description} errorMessage={errorMessage} />
    </RadioGroup>
  );
}

export interface CheckboxChoicesProps<K extends string> extends FieldBase {
  value: readonly K[];
  onChange: (value: K[]) => void;
  options: ReadonlyArray<Choice<K>>;
}

/** Any number of choices, all visible, in a box that scrolls when they are many (Tab enters, Space ticks). */
export function CheckboxChoices<K extends string>({ label, description, className, errorMessage, value, onChange, options, ...props }: CheckboxChoicesProps<K>) {
  return (
    <CheckboxGroup
      {...props}
      value={[...value]}
      onChange={(v) => onChange(v as K[])}
      className={`field checkbox-field${className ? ` ${className}` : ''}`}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      <div className="checkbox-options">
        {options.map((o) => (
          <Checkbox key={o.id} value={o.id} className="checkbox">
            {o.label}
          </Checkbox>
        ))}
      </div>
      <FieldNotes description={description} errorMessage={errorMessage} />
    </CheckboxGroup>
  );
}

export interface NumberInputProps extends FieldBase {
  /** null when the field is empty. */
  value: number | null;
  onChange: (value: number | null) => void;
  /** Called on every key with the number as typed so far (onChange comes when the field is left). */
  onDraft?: (value: number | null) => void;
  onBlur?: () => void;
  onKeyDown?: (e: KeyboardEvent) => void;
  minValue?: number;
  maxValue?: number;
}

export function NumberInput({ label, description, className, errorMessage, value, onChange, onDraft, onKeyDown, ...props }: NumberInputProps) {
  const { locale } = useLocale();
  const parser = useMemo(() => new NumberParser(locale, { maximumFractionDigits: 0 }), [locale]);
  const typed = (text: string) => {
    if (!onDraft) return;
    const n = parser.parse(text);
    const { minValue = -Infinity, maxValue = Infinity } = props;
    onDraft(text.trim() === '' ? null : Number.isNaN(n) ? value : Math.min(maxValue, Math.max(minValue, Math.round(n))));
  };
  return (
    <NumberField
      {...props}
      value={value ?? Number.NaN}
      onChange={(n) => onChange(Number.isNaN(n) ? null : n)}
      formatOptions={{ maximumFractionDigits: 0 }}
      isWheelDisabled
      className={`field${className ? ` ${className}` : ''}`}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      <Group className="field-group">
        <Input className="field-input" onInput={(e) => typed(e.currentTarget.value)} onKeyDown={onKeyDown} />
      </Group>
      <FieldNotes description={description} errorMessage={errorMessage} />
    </NumberField>
  );
}

export interface Choice<K extends string> {
  id: K;
  label: string;
}

export interface SelectFieldProps<K extends string> extends FieldBase {
  value: K | null;
  onChange: (value: K) => void;
  options: ReadonlyArray<Choice<K>>;
  disabledKeys?: Iterable<K>;
  placeholder?: string;
}

export function SelectField<K extends string>({
  label,
  description,
  className,
  errorMessage,
  value,
  onChange,
  options,
  placeholder,
  ...props
}: SelectFieldProps<K>) {
  return (
    <Select
      {...props}
      value={value}
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key) as K);
      }}
      placeholder={placeholder}
      className={`field${className ? ` ${className}` : ''}`}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      <Button className="field-input select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
      <FieldNotes description={description} errorMessage={errorMessage} />
      <Popover className="popover select-popover">
        <ListBox className="listbox" items={options}>
          {(o) => (
            <ListBoxItem id={o.id} textValue={o.label} className="listbox-item">
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** The hint under a field and its error, the same for every kind of field. */
function FieldNotes({ description, errorMessage }: Pick<FieldBase, 'description' | 'errorMessage'>) {
  return (
    <>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{errorMessage}</FieldError>
    </>
  );
}
