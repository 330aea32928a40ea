// One place for status and error messages: a bar at the foot of the window that screen readers
// also hear (the live regions are in the page from the start, so changes to them are announced).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import './announcer.css';

type Tone = 'status' | 'error';
interface Message {
  text: string;
  tone: Tone;
  /** Bumped on every message so the same words said twice are said again. */
  serial: number;
}

interface Announce {
  (text: string, tone?: Tone): void;
}

const AnnouncerContext = createContext<Announce>(() => {});

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}

const STATUS_SHOWN_MS = 6000;

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<Message | null>(null);
  const serial = useRef(0);
  const announce = useCallback<Announce>((text, tone = 'status') => {
    serial.current += 1;
    setMessage({ text, tone, serial: serial.current });
  }, []);

  // Status messages fade after a while; errors stay until dismissed or replaced.
  useEffect(() => {
    if (!message || message.tone === 'error') return;
    const timer = setTimeout(() => setMessage((m) => (m?.serial === message.serial ? null : m)), STATUS_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className={`announcer${message ? ` announcer-${message.tone}` : ''}`}>
        <div role="status" aria-live="polite" className="announcer-text" data-testid="status-message">
          {message?.tone === 'status' ? <span key={message.serial}>{message.text}</span> : null}
        </div>
        <div role="alert" aria-live="assertive" className="announcer-text" data-testid="error-message">
          {message?.tone === 'error' ? <span key={message.serial}>{message.text}</span> : null}
        </div>
        {message ? (
          <Button className="button button-quiet announcer-dismiss" onPress={() => setMessage(null)}>
            {t('common.dismiss')}
          </Button>
        ) : null}
      </div>
    </AnnouncerContext.Provider>
  );
}
