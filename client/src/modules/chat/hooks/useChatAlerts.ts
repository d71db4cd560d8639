import { useEffect, useRef, useState } from 'react';
import type { ChatFieldsFragment } from '../../../generated/graphql';

const SOUND_KEY = 'sociodesk:chat-sound';
const DESKTOP_KEY = 'sociodesk:chat-desktop';

function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
    tone.onended = () => void audio.close();
  } catch {
    // No audio output: the list still shows the chat.
  }
}

/**
 * A sound and a desktop notification when a chat starts waiting or is assigned to me (both can be
 * turned off; the choice is kept in this browser). Chats already there on first load are not announced.
 */
export function useChatAlerts(chats: ChatFieldsFragment[] | undefined, myId: string | null | undefined, describe: (chat: ChatFieldsFragment) => string) {
  const [sound, setSound] = useState(() => localStorage.getItem(SOUND_KEY) !== 'off');
  const [desktop, setDesktop] = useState(() => localStorage.getItem(DESKTOP_KEY) === 'on' && typeof Notification !== 'undefined' && Notification.permission === 'granted');
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!chats) return;
    const relevant = chats.filter((c) => c.state === 'WAITING' || (c.state === 'ACTIVE' && c.agent?.id === myId)).map((c) => `${c.id}:${c.state}`);
    if (!seen.current) {
      seen.current = new Set(relevant);
      return;
    }
    const fresh = relevant.filter((k) => !seen.current!.has(k));
    fresh.forEach((k) => seen.current!.add(k));
    if (!fresh.length) return;
    if (sound) beep();
    if (desktop && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      const chat = chats.find((c) => fresh[0].startsWith(`${c.id}:`));
      if (chat) new Notification(describe(chat));
    }
  }, [chats, myId, sound, desktop, describe]);

  const toggleSound = (on: boolean) => {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    setSound(on);
  };
  const toggleDesktop = async (on: boolean) => {
    if (on && typeof Notification !== 'undefined' && Notification.permission !== 'granted') {
      if ((await Notification.requestPermission()) !== 'granted') return;
    }
    localStorage.setItem(DESKTOP_KEY, on ? 'on' : 'off');
    setDesktop(on);
  };
  return { sound, desktop, toggleSound, toggleDesktop };
}
