import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { useChatSession } from './useChatSession';
import { call, Q, uploadFile, type ChatMessage, type VisitorChat } from './widget-api';
import type { WidgetTexts } from './widget-i18n';

type Session = ReturnType<typeof useChatSession>;

/** The thread, typing both ways, read receipt, end of chat with a 1–5 rating. */
export function Conversation({ t, session }: { t: WidgetTexts; session: Session }) {
  const chat = session.chat!;
  const token = session.token!;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const typingSent = useRef(0);
  const [upload, setUpload] = useState<{ name: string; share: number; id?: string } | null>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setUpload({ name: file.name, share: 0 });
    try {
      const done = await uploadFile(file, token, (share) => setUpload({ name: file.name, share }));
      setUpload({ name: done.filename, share: 1, id: done.id });
    } catch (err) {
      setUpload(null);
      setError(err instanceof Error ? err.message : t.error);
    }
  };
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [chat.messages.length, session.agentTyping]);

  const typing = (on: boolean) => {
    const now = Date.now();
    if (on && now - typingSent.current < 3000) return;
    typingSent.current = on ? now : 0;
    void call(Q.typing, { on }, token).catch(() => undefined);
  };

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    const body = draft.trim() || (upload?.id ? upload.name : '');
    if (!body || (upload && !upload.id)) return;
    setError(null);
    try {
      const { sendChatMessage } = await call<{ sendChatMessage: ChatMessage }>(Q.send, { body, ids: upload?.id ? [upload.id] : [] }, token);
      setDraft('');
      setUpload(null);
      typing(false);
      session.setChat((c) => (c && !c.messages.some((m) => m.id === sendChatMessage.id) ? { ...c, messages: [...c.messages, sendChatMessage] } : c));
    } catch (err) {
      setError(err instanceof Error ? err.message : t.error);
    }
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) void send();
  };

  const end = async () => {
    const { endChat } = await call<{ endChat: VisitorChat }>(Q.end, {}, token);
    session.setChat(endChat);
  };

  const status =
    chat.state === 'ACTIVE' && chat.agentName ? t.with(chat.agentName) : chat.state === 'WAITING' ? t.waiting : chat.state === 'OFFLINE' ? t.offline : t.closed;
  const lastOwn = [...chat.messages].reverse().find((m) => m.fromVisitor);
  const readByAgent = !!lastOwn && !!chat.agentReadAt && chat.agentReadAt >= lastOwn.createdAt;

  return (
    <div className="sdw-conversation">
      <p className="sdw-status" data-testid="widget-status" data-state={chat.state}>
        {status}
      </p>
      {chat.earlierChats.length > 0 && (
        <details className="sdw-earlier">
          <summary>{t.earlier}</summary>
          <ul>
            {chat.earlierChats.map((c) => (
              <li key={c.id}>
                #{c.ticketNumber} · {c.topic}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ol className="sdw-messages" ref={list} aria-live="polite">
        {chat.messages.map((m) => (
          <li key={m.id} className={m.kind === 'SYSTEM' ? 'sdw-system' : m.fromVisitor ? 'sdw-mine' : 'sdw-theirs'} data-testid="widget-message">
            {!m.fromVisitor && m.kind !== 'SYSTEM' && m.authorName && <span className="sdw-author">{m.authorName}</span>}
            <span className="sdw-body">{m.body}</span>
            {m.attachmentNames.map((name) => (
              <span key={name} className="sdw-file">
                {t.attached(name)}
              </span>
            ))}
          </li>
        ))}
        {session.agentTyping && (
          <li className="sdw-typing" data-testid="widget-agent-typing">
            {t.typing(session.agentTyping)}
          </li>
        )}
      </ol>
      {readByAgent && <p className="sdw-read">{t.read}</p>}
      {chat.state === 'CLOSED' ? (
        <Rating t={t} chat={chat} token={token} onRated={session.setChat} onNew={session.forget} />
      ) : (
        <form className="sdw-composer" onSubmit={send}>
          {error && (
            <p className="sdw-error" role="alert">
              {error}
            </p>
          )}
          <textarea
            aria-label={t.placeholder}
            placeholder={t.placeholder}
            value={draft}
            rows={2}
            onChange={(e) => {
              setDraft(e.target.value);
              typing(!!e.target.value);
            }}
            onKeyDown={onKey}
            data-testid="widget-input"
          />
          {upload && (
            <p className="sdw-upload" role="status">
              {upload.id ? t.attached(upload.name) : t.uploading(upload.name, Math.round(upload.share * 100))}
            </p>
          )}
          <div className="sdw-actions">
            <button type="button" className="sdw-link" onClick={() => void end()}>
              {t.end}
            </button>
            <label className="sdw-link sdw-attach">
              {t.attach}
              <input type="file" onChange={(e) => void pick(e.target.files?.[0])} data-testid="widget-file" />
            </label>
            <button type="submit" className="sdw-primary" disabled={(!draft.trim() && !upload?.id) || (!!upload && !upload.id)}>
              {t.send}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function Transcript({ t, token }: { t: WidgetTexts; token: string }) {
  const [sent, setSent] = useState(false);
  if (sent) return <p role="status">{t.transcriptSent}</p>;
  return (
    <button type="button" className="sdw-link" onClick={() => void call(Q.transcript, {}, token).then(() => setSent(true)).catch(() => undefined)}>
      {t.transcript}
    </button>
  );
}

function Rating({ t, chat, token, onRated, onNew }: { t: WidgetTexts; chat: VisitorChat; token: string; onRated(c: VisitorChat): void; onNew(): void }) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  if (chat.rating) {
    return (
      <div className="sdw-rating">
        <p role="status">{t.thanks}</p>
        <Transcript t={t} token={token} />
        <button type="button" className="sdw-primary" onClick={onNew}>
          {t.newChat}
        </button>
      </div>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rating) return;
    const { rateChat } = await call<{ rateChat: VisitorChat }>(Q.rate, { input: { rating, comment: comment.trim() || undefined } }, token);
    onRated(rateChat);
  };
  return (
    <form className="sdw-rating" onSubmit={submit}>
      <fieldset>
        <legend>{t.rate}</legend>
        <div className="sdw-stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <button key={n} type="button" aria-label={t.star(n)} aria-pressed={rating === n} className={n <= rating ? 'sdw-star sdw-on' : 'sdw-star'} onClick={() => setRating(n)}>
              ★
            </button>
          ))}
        </div>
      </fieldset>
      <label className="sdw-field">
        <span>{t.comment}</span>
        <input value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button type="submit" className="sdw-primary" disabled={!rating}>
        {t.submitRating}
      </button>
      <Transcript t={t} token={token} />
      <button type="button" className="sdw-link" onClick={onNew}>
        {t.newChat}
      </button>
    </form>
  );
}
