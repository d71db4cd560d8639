import { useState, type FormEvent } from 'react';
import { WidgetError, type WidgetSettings } from './widget-api';
import type { WidgetTexts } from './widget-i18n';

interface Props {
  t: WidgetTexts;
  locale: string;
  params: URLSearchParams;
  settings: WidgetSettings | null;
  loadError: string | null;
  onStart(input: Record<string, unknown>): Promise<void>;
}

/** Name, e-mail, company, topic and department; says up front when the answer will come by e-mail. */
export function PreChatForm({ t, locale, params, settings, loadError, onStart }: Props) {
  const [fields, setFields] = useState({ name: params.get('name') ?? '', email: params.get('email') ?? '', company: '', topic: '', departmentId: '' });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = (['name', 'email', 'topic'] as const).filter((k) => !fields[k].trim());
    if (missing.length) return setErrors(Object.fromEntries(missing.map((k) => [k, [t.required]])));
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const host = (location.ancestorOrigins?.length ? location.ancestorOrigins[0] : null) ?? params.get('host') ?? undefined;
      await onStart({
        name: fields.name.trim(),
        email: fields.email.trim(),
        company: fields.company.trim() || undefined,
        topic: fields.topic.trim(),
        departmentId: fields.departmentId || undefined,
        pageUrl: params.get('page') ?? undefined,
        hostOrigin: host,
        locale,
        visitorId: params.get('visitor-id') ?? undefined,
        visitorIdHash: params.get('visitor-hash') ?? undefined,
      });
    } catch (err) {
      if (err instanceof WidgetError && err.code === 'BAD_USER_INPUT') setErrors(err.fields);
      else setError(err instanceof Error ? err.message : t.error);
    } finally {
      setBusy(false);
    }
  };

  const field = (k: 'name' | 'email' | 'company' | 'topic', label: string, type = 'text') => (
    <label className="sdw-field">
      <span>{label}</span>
      <input type={type} value={fields[k]} onChange={set(k)} aria-invalid={!!errors[k]} name={k} autoComplete={k === 'topic' ? 'off' : k === 'company' ? 'organization' : k} />
      {errors[k] && <small className="sdw-error">{errors[k].join(' ')}</small>}
    </label>
  );

  return (
    <form className="sdw-form" onSubmit={submit} noValidate>
      <p className="sdw-greeting">{settings?.greeting ?? t.greeting}</p>
      {settings && !settings.agentsAvailable && (
        <p className="sdw-banner" role="status" data-testid="widget-offline-banner">
          {t.offlineBanner}
        </p>
      )}
      {field('name', t.name)}
      {field('email', t.email, 'email')}
      {field('company', t.company)}
      {field('topic', t.topic)}
      {!!settings?.departments.length && (
        <label className="sdw-field">
          <span>{t.department}</span>
          <select value={fields.departmentId} onChange={set('departmentId')} name="department">
            <option value="">{t.anyDepartment}</option>
            {settings.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {(error ?? loadError) && (
        <p className="sdw-error" role="alert">
          {error ?? loadError}
        </p>
      )}
      <button type="submit" className="sdw-primary" disabled={busy || !settings}>
        {t.start}
      </button>
    </form>
  );
}
