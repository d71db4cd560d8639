import { useCallback, useMemo, useState } from 'react';
import { describeError, fieldErrorsOf } from './errors';
import { useI18n, type Translate } from './i18n';
import { serverMessage } from './server-messages';

export type FieldErrors = Record<string, string[]>;

/**
 * Maps the server's field paths to the form's (e.g. `hours.2.opens` to the row it came from).
 * Without it, a field is placed when it is one of the form's fields.
 */
export type PlaceFields = (fields: FieldErrors) => FieldErrors;

/** What a failed submit shows: messages under the fields the form has, and one line on top. */
export function placeErrors(caught: unknown, formFields: readonly string[], t: Translate, place?: PlaceFields): { fields: FieldErrors; message: string } {
  const server = fieldErrorsOf(caught);
  const readable: FieldErrors = Object.fromEntries(Object.entries(server).map(([field, messages]) => [field, messages.map((m) => serverMessage(m, t))]));
  const placed = place ? place(readable) : readable;
  const names = Object.keys(placed);
  const allPlaced = names.length > 0 && (place ? true : names.every((field) => formFields.includes(field)));
  return { fields: placed, message: allPlaced ? t('common.fixErrors') : describeError(caught, t) };
}

/**
 * One way for forms to show errors: field messages (from the API's BAD_USER_INPUT
 * `extensions.fields`, or the form's own checks) under each field, and a summary line.
 */
export function useFormErrors(formFields: readonly string[] = []) {
  const { t } = useI18n();
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  const reset = useCallback(() => {
    setFields({});
    setMessage(null);
  }, []);

  /** Shows what a failed mutation said: its field messages where they belong. */
  const fail = useCallback(
    (caught: unknown, place?: PlaceFields) => {
      const placed = placeErrors(caught, formFields, t, place);
      setFields(placed.fields);
      setMessage(placed.message);
    },
    [formFields, t],
  );

  /** Errors the form found itself before sending; returns true when there were any. */
  const check = useCallback(
    (found: Record<string, string | null | undefined | false>) => {
      const entries = Object.entries(found).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length > 0);
      setFields(Object.fromEntries(entries.map(([field, text]) => [field, [text]])));
      setMessage(entries.length > 0 ? t('common.fixErrors') : null);
      return entries.length > 0;
    },
    [t],
  );

  const fieldError = useCallback((field: string) => fields[field]?.join(' '), [fields]);

  return useMemo(() => ({ fields, message, fieldError, fail, check, reset, setMessage }), [fields, message, fieldError, fail, check, reset]);
}
