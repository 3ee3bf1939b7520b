import { useCallback, useState } from 'react';

const KEY = 'pendamping.video.dataSaver';

interface NetworkInformation extends EventTarget {
  saveData?: boolean;
  effectiveType?: string;
}

/** The Network Information API (Chrome on Android has it; other browsers say nothing). */
export const connection = (): NetworkInformation | undefined => (navigator as Navigator & { connection?: NetworkInformation }).connection;

/** Slow or metered, as the browser sees it: the person asked to save data, or the line is 3G or worse. */
export function slowConnection(): boolean {
  const c = connection();
  return c?.saveData === true || ['slow-2g', '2g', '3g'].includes(c?.effectiveType ?? '');
}

function stored(): boolean | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === null ? null : value === 'on';
  } catch {
    return null;
  }
}

/**
 * "Hemat data": audio only. Remembered per device once the person chooses; until then on when the browser
 * reports a slow or data-saving connection.
 */
export function useDataSaver(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => stored() ?? slowConnection());
  const set = useCallback((value: boolean) => {
    setOn(value);
    try {
      localStorage.setItem(KEY, value ? 'on' : 'off');
    } catch {
      // private mode: the choice lasts for this visit
    }
  }, []);
  return [on, set];
}
