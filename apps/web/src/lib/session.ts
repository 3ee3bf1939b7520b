import { useSyncExternalStore } from 'react';

const KEY = 'pendamping.token';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

let current = read();

/** The access token, kept on the device (localStorage), shared by every tab and the api client. */
export const session = {
  token: () => current,
  set(token: string) {
    current = token;
    localStorage.setItem(KEY, token);
    listeners.forEach((l) => l());
  },
  clear() {
    current = null;
    localStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

window.addEventListener('storage', (e) => {
  if (e.key !== KEY) return;
  current = read();
  listeners.forEach((l) => l());
});

export const useToken = () => useSyncExternalStore(session.subscribe, session.token);
