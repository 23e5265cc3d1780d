/**
 * CPU and memory of the processes a benchmark runs on, read from /proc (Linux only): CPU time of
 * a process and all its descendants (PostgreSQL forks a backend per connection), VmRSS of one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux we run on). */
const CLK_TCK = 100;

interface StatLine {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
  /** cutime + cstime: children this process has reaped (exited PostgreSQL backends). */
  reapedTicks: number;
}

function readStat(pid: number): StatLine | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
    const rest = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    // rest[0] is field 3 (state); ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
    return {
      pid,
      ppid: Number(rest[1]),
      ticks: Number(rest[11]) + Number(rest[12]),
      reapedTicks: Number(rest[13]) + Number(rest[14]),
    };
  } catch {
    return undefined;
  }
}

function allStats(): StatLine[] {
  const out: StatLine[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) out.push(stat);
  }
  return out;
}

/**
 * CPU seconds used so far by `pid` and its descendants: live ones, and exited ones that were
 * reaped (their time is in their parent's cutime/cstime), so a backend that exits during a
 * window does not make the figure go down.
 */
export function treeCpuSeconds(pid: number): number {
  const stats = allStats();
  const children = new Map<number, StatLine[]>();
  for (const s of stats) {
    const list = children.get(s.ppid) ?? [];
    list.push(s);
    children.set(s.ppid, list);
  }
  const root = stats.find((s) => s.pid === pid);
  if (!root) return Number.NaN;
  let ticks = 0;
  const stack = [root];
  while (stack.length > 0) {
    const s = stack.pop()!;
    ticks += s.ticks + s.reapedTicks;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return ticks / CLK_TCK;
}

/** CPU seconds of one process only (its threads included). */
export function processCpuSeconds(pid: number): number {
  const stat = readStat(pid);
  return stat ? stat.ticks / CLK_TCK : Number.NaN;
}

/** VmRSS of a process in MiB. */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** VmHWM (the most VmRSS the process has had since it started) in MiB. */
export function peakRssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** The pid of the first process whose command line contains every one of `parts`. */
export function findPid(parts: string[]): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (parts.every((p) => cmd.includes(p))) return Number(name);
    } catch {
      // gone
    }
  }
  return undefined;
}

/** Machine-wide busy, steal and total jiffies (steal: time the hypervisor gave to other VMs). */
function machineTicks(): { busy: number; steal: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const steal = values[7] ?? 0;
  return { busy: total - idle - steal, steal, total };
}

export interface CpuWindow {
  /** CPU % of one core used by each named component over the window (100 = one core). */
  byComponent: Record<string, number>;
  /** Whole machine busy %, of all cores (100 = every core busy). */
  machineBusyPercent: number;
  /**
   * CPU used by processes that are not components (100 = one core): other work on a shared
   * machine; a large figure means the measurement was disturbed.
   */
  othersPercent: number;
  /** CPU the hypervisor gave to other guests (steal), % of all cores. */
  stealPercent: number;
  /** 1-minute load average at the end of the window. */
  loadAverage: number;
  cores: number;
  seconds: number;
}

/** A process to measure; `tree` adds its descendants (PostgreSQL's backends). */
export interface CpuComponent {
  pid: number | undefined;
  tree?: boolean;
}

/**
 * Starts measuring CPU of named components; `stop()` returns the percentages over the window.
 * Child processes of this one (the Temporal dev server, PostgreSQL, a child worker) are not
 * counted in this process's own figure: measure them as components of their own.
 */
export function startCpuWindow(components: Record<string, CpuComponent>): { stop(): CpuWindow } {
  const start = performance.now();
  const machine0 = machineTicks();
  const read = (c: CpuComponent) => (c.tree ? treeCpuSeconds(c.pid!) : processCpuSeconds(c.pid!));
  const first = new Map<string, number>();
  for (const [name, c] of Object.entries(components)) if (c.pid) first.set(name, read(c));
  return {
    stop() {
      const seconds = (performance.now() - start) / 1000;
      const machine1 = machineTicks();
      const byComponent: Record<string, number> = {};
      for (const [name, c] of Object.entries(components)) {
        if (!c.pid || !first.has(name)) continue;
        byComponent[name] = ((read(c) - first.get(name)!) / seconds) * 100;
      }
      const busy = machine1.busy - machine0.busy;
      const total = machine1.total - machine0.total;
      const machineBusyPercent = total > 0 ? (busy / total) * 100 : Number.NaN;
      const stealPercent = total > 0 ? ((machine1.steal - machine0.steal) / total) * 100 : Number.NaN;
      const cores = cpus().length;
      const own = Object.values(byComponent).reduce((a, b) => a + b, 0);
      return {
        byComponent,
        machineBusyPercent,
        othersPercent: Math.max(0, machineBusyPercent * cores - own),
        stealPercent,
        loadAverage: loadavg()[0] ?? Number.NaN,
        cores,
        seconds,
      };
    },
  };
}

export function formatCpu(window: CpuWindow): string {
  const parts = Object.entries(window.byComponent)
    .sort((a, b) => b[1] - a[1])
    .map(([name, pct]) => `${name} ${pct.toFixed(0)}%`);
  return (
    `${parts.join(', ')} | other processes ${window.othersPercent.toFixed(0)}%, steal ${window.stealPercent.toFixed(0)}% | ` +
    `machine ${window.machineBusyPercent.toFixed(0)}% of ${window.cores} cores, load ${window.loadAverage.toFixed(1)}`
  );
}
