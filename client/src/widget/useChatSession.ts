import { useCallback, useEffect, useRef, useState } from 'react';
import { call, Q, socket, WidgetError, type ChatMessage, type VisitorChat, type WidgetSettings } from './widget-api';

/** The visitor's chat session: settings, the stored token (resume on reload), live messages and typing. */
export function useChatSession(key: string, open: boolean, locale: string) {
  const storageKey = `sociodesk:chat:${key}`;
  const [settings, setSettings] = useState<WidgetSettings | null>(null);
  const [token, setToken] = useState<string | null>(() => localStorage.getItem(storageKey));
  const [chat, setChat] = useState<VisitorChat | null>(null);
  const [agentTyping, setAgentTyping] = useState<string | null>(null);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    call<{ widgetSettings: WidgetSettings }>(Q.settings, { key, locale })
      .then((d) => setSettings(d.widgetSettings))
      .catch((e: Error) => setError(e.message));
  }, [key, locale]);

  const refresh = useCallback(async (t: string) => {
    try {
      setChat((await call<{ visitorChat: VisitorChat }>(Q.chat, {}, t)).visitorChat);
    } catch (e) {
      if (e instanceof WidgetError && (e.code === 'UNAUTHENTICATED' || e.code === 'NOT_FOUND')) {
        localStorage.removeItem(storageKey);
        setToken(null);
      }
    }
  }, [storageKey]);

  useEffect(() => {
    if (!token) return setChat(null);
    void refresh(token);
    const client = socket(token);
    const timers: number[] = [];
    const stopMessages = client.subscribe<{ chatMessageAdded: ChatMessage }>(
      { query: Q.messages },
      {
        next: ({ data }) => {
          const m = data?.chatMessageAdded;
          if (!m) return;
          setChat((c) => (c && !c.messages.some((x) => x.id === m.id) ? { ...c, messages: [...c.messages, m] } : c));
          if (!m.fromVisitor) {
            setAgentTyping(null);
            if (!openRef.current) setUnread((n) => n + 1);
          }
          // Joined, transferred, closed: the state and agent changed too.
          if (m.kind === 'SYSTEM') void refresh(token);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    const stopTyping = client.subscribe<{ chatTyping: { name: string; isTyping: boolean } }>(
      { query: Q.agentTyping },
      {
        next: ({ data }) => {
          const e = data?.chatTyping;
          if (e) setAgentTyping(e.isTyping ? e.name : null);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return () => {
      timers.forEach(clearTimeout);
      stopMessages();
      stopTyping();
      void client.dispose();
    };
  }, [token, refresh]);

  useEffect(() => {
    if (open && token && chat) {
      setUnread(0);
      void call(Q.read, {}, token).catch(() => undefined);
    }
  }, [open, token, chat?.messages.length]);

  const start = async (input: Record<string, unknown>) => {
    const data = await call<{ startChat: { token: string; chat: VisitorChat } }>(Q.start, { input: { widgetKey: key, ...input } });
    localStorage.setItem(storageKey, data.startChat.token);
    setChat(data.startChat.chat);
    setToken(data.startChat.token);
  };

  const forget = () => {
    localStorage.removeItem(storageKey);
    setToken(null);
    setChat(null);
  };

  return { settings, token, chat, setChat, agentTyping, unread, error, setError, start, forget };
}
