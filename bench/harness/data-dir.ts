import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's root (dist/bench/harness → ../../..). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export interface DataRoot {
  path: string;
  /** Why here: the system temp dir when it is on the repository's filesystem, else bench/.data. */
  where: string;
  filesystem: string;
  remove(): void;
}

/** The mount a path lives on, from /proc/mounts (longest matching mount point). */
export const filesystemOf = (path: string): string => {
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' '))
      .filter((f) => f.length >= 3);
    const full = resolve(path);
    let best: string[] | undefined;
    for (const m of mounts)
      if (
        (full === m[1] || full.startsWith(m[1].endsWith('/') ? m[1] : `${m[1]}/`)) &&
        (!best || m[1].length > best[1].length)
      )
        best = m;
    return best ? `${best[2]} (${best[0]} on ${best[1]})` : 'unknown';
  } catch {
    return 'unknown';
  }
};

/**
 * Where the benchmark's stores live: real files on the disk the repository (and so a default
 * data directory) is on. The system temp dir is used only when it is that same filesystem (it
 * may be a tmpfs, which would measure memory, not the disk); else bench/.data in the repository.
 */
export const chooseDataRoot = (): DataRoot => {
  const temp = tmpdir();
  const sameDisk = statSync(temp).dev === statSync(REPO_ROOT).dev;
  let path: string;
  if (sameDisk) path = mkdtempSync(join(temp, 'sunshine-bench-'));
  else {
    const base = join(REPO_ROOT, 'bench', '.data');
    mkdirSync(base, { recursive: true });
    path = mkdtempSync(join(base, 'run-'));
  }
  return {
    path,
    where: sameDisk
      ? `${temp} (same filesystem as the repository)`
      : `bench/.data (the system temp dir is on another filesystem)`,
    filesystem: filesystemOf(path),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
};
