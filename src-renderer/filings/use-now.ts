import { useEffect, useState } from 'react';

function readSystemClock(): Date {
  return new Date();
}

/** The current time, read again every second; `readClock` lets tests fix the time (pass a stable function). */
export function useNow(readClock: () => Date = readSystemClock): Date {
  const [now, setNow] = useState(readClock);
  useEffect(() => {
    const timer = setInterval(() => setNow(readClock()), 1000);
    return () => clearInterval(timer);
  }, [readClock]);
  return now;
}
