import { readdirSync, readFileSync } from 'node:fs';

/** The most memory a process and its children held at once while watched, in MB, as Linux's /proc tells it. */
export interface MemoryWatch {
  /** False where there is no /proc (not Linux): nothing could be measured. */
  readonly isMeasured: boolean;
  /** The process's own peak resident memory (VmHWM). */
  ownPeakMb(): number;
  /** The largest resident memory any one of its children was seen at. */
  childPeakMb(): number;
  /** The largest sum of the process's and its children's resident memory seen at one moment. */
  totalPeakMb(): number;
  stop(): void;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    try {
      // The parent id is the fourth field of /proc/<pid>/stat, after the command name in parentheses.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) {
        children.push(Number(name));
      }
    } catch {
      // The process ended while the list was read.
    }
  }
  return children;
}

/**
 * Samples a process and its children every 25 ms. A child's own peak is lost when it ends, so it is caught by sampling;
 * a child killed by its memory guard is seen at most one guard interval (20 ms) past its limit.
 */
export function watchMemory(pid: number): MemoryWatch {
  const isMeasured = (() => {
    try {
      readdirSync('/proc');
      return statusField(pid, 'VmRSS') > 0;
    } catch {
      return false;
    }
  })();
  let childPeak = 0;
  let totalPeak = 0;
  const sample = (): void => {
    const own = statusField(pid, 'VmRSS');
    const children = childrenOf(pid).map((child) => statusField(child, 'VmRSS'));
    childPeak = Math.max(childPeak, ...children);
    totalPeak = Math.max(totalPeak, own + children.reduce((sum, each) => sum + each, 0));
  };
  const timer = isMeasured ? setInterval(sample, 25) : null;
  return {
    isMeasured,
    ownPeakMb: () => statusField(pid, 'VmHWM'),
    childPeakMb: () => childPeak,
    totalPeakMb: () => totalPeak,
    stop: () => {
      if (timer) {
        clearInterval(timer);
      }
    },
  };
}
