// Facts about the machine and about a running process, read from /proc (Linux only; on other
// systems the values come out as NaN and the report shows '—').
import { readFileSync } from 'node:fs';
import os from 'node:os';

export function machineFacts() {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGB: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg(),
  };
}

/** Resident memory of a process in kB: VmRSS now and VmHWM (the peak so far). */
export function readMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssKB: field('VmRSS'), peakKB: field('VmHWM') };
  } catch {
    return { rssKB: Number.NaN, peakKB: Number.NaN };
  }
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ is 100 on every Linux build we run on.

/** CPU time (user + system, seconds) a process has used so far. */
export function readCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: count fields from after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND; // utime, stime
  } catch {
    return Number.NaN;
  }
}
