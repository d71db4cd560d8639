import { useEffect, useState } from 'react';
import { Conversation } from './Conversation';
import { PreChatForm } from './PreChatForm';
import { readableOnWhiteText } from './colour';
import { useChatSession } from './useChatSession';
import { widgetTexts } from './widget-i18n';

/** The chat widget inside its frame: launcher bubble with unread badge, pre-chat form, conversation. */
export function Widget({ params, locale }: { params: URLSearchParams; locale: string }) {
  const t = widgetTexts(locale);
  const key = params.get('key') ?? '';
  const [open, setOpen] = useState(false);
  const session = useChatSession(key, open, locale);
  const color = readableOnWhiteText(session.settings?.color ?? '#1c7ed6');

  useEffect(() => {
    window.parent?.postMessage({ type: 'sociodesk:size', open }, '*');
  }, [open]);

  return (
    <div className="sdw" style={{ ['--sdw-color' as string]: color }}>
      {open && (
        <section className="sdw-panel" aria-label={t.title}>
          <header className="sdw-header">
            <h1>{t.title}</h1>
            <button type="button" className="sdw-icon" aria-label={t.close} onClick={() => setOpen(false)}>
              ×
            </button>
          </header>
          {session.chat ? (
            <Conversation t={t} session={session} />
          ) : (
            <PreChatForm t={t} locale={locale} params={params} settings={session.settings} onStart={session.start} loadError={session.error} />
          )}
        </section>
      )}
      {!open && (
        <button type="button" className="sdw-launcher" aria-label={t.open} onClick={() => setOpen(true)} data-testid="widget-launcher">
          <svg viewBox="0 0 24 24" width="30" height="30" aria-hidden="true">
            <path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z" />
          </svg>
          {session.unread > 0 && (
            <span className="sdw-badge" aria-label={t.unread(session.unread)} data-testid="widget-unread">
              {session.unread}
            </span>
          )}
        </button>
      )}
    </div>
  );
}
