import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { ensureVenv, findRepoRoot, SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import type { MachineInfo } from './results.ts';

function cpuModel(): string {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const model = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim();
    const mhz = /^cpu MHz\s*:\s*(.+)$/m.exec(info)?.[1]?.trim();
    if (model) return mhz ? `${model} (${Math.round(Number(mhz))} MHz)` : model;
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release)?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: findRepoRoot(), encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** The commit the exporter was measured at, and whether its sources had local changes. */
function sourceVersion(): { commit: string; localChanges: boolean } {
  return {
    commit: git(['rev-parse', '--short=12', 'HEAD']) || 'unknown',
    localChanges:
      git([
        'status',
        '--porcelain',
        '--',
        'packages/exporter/src',
        'packages/client/src',
        'packages/converter/src',
      ]) !== '',
  };
}

/** The machine the numbers come from, for the report. */
export async function describeMachine(): Promise<MachineInfo> {
  let python = 'unknown';
  const aglVersions: string[] = [];
  for (const version of SUPPORTED_AGL_VERSIONS) {
    const venv = await ensureVenv(version);
    const bin = join(venv, 'bin', 'python');
    python = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
    const installed = execFileSync(
      bin,
      ['-c', 'import importlib.metadata as m; print(m.version("agentlightning"))'],
      { encoding: 'utf8' },
    ).trim();
    aglVersions.push(installed);
  }
  return {
    cpuModel: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    kernel: release(),
    node: process.version,
    python,
    aglVersions,
    loadAverageStart: loadavg()[0] ?? 0,
    loadAverageEnd: 0,
    source: sourceVersion(),
  };
}
