import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './data-dir';

/** The peer is installed for the benchmark only, into its own folder with its own lockfile. */
export const PEER_DIR = join(REPO_ROOT, 'bench', 'peer');

export interface PeerInstall {
  ok: boolean;
  versions?: string;
  why?: string;
}

const installed = () =>
  existsSync(join(PEER_DIR, 'node_modules', '@event-driven-io', 'emmett-sqlite', 'package.json')) &&
  existsSync(join(PEER_DIR, 'node_modules', 'sqlite3', 'build', 'Release'));

export const peerVersions = (): string => {
  const version = (name: string) => {
    try {
      return (
        JSON.parse(readFileSync(join(PEER_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
      ).version;
    } catch {
      return '?';
    }
  };
  return `@event-driven-io/emmett-sqlite ${version('@event-driven-io/emmett-sqlite')}, sqlite3 ${version('sqlite3')}`;
};

/**
 * Installs the peer when its node_modules is missing (`npm ci --prefix bench/peer`, from the
 * committed lockfile). sqlite3 ships no binary for us to download here, so it is compiled
 * against the headers of the running Node (npm_config_nodedir): about a minute on 2 cores.
 */
export const ensurePeer = (options: { install: boolean; say: (text: string) => void }): PeerInstall => {
  if (installed()) return { ok: true, versions: peerVersions() };
  if (!options.install)
    return { ok: false, why: 'peer not installed; a full run installs it (npm ci --prefix bench/peer)' };
  options.say('installing the peer into bench/peer (npm ci --prefix bench/peer; sqlite3 compiles, about a minute)…');
  const nodeDir = join(process.execPath, '..', '..');
  const env = {
    ...process.env,
    ...(existsSync(join(nodeDir, 'include', 'node', 'node.h')) ? { npm_config_nodedir: nodeDir } : {}),
  };
  try {
    const lock = existsSync(join(PEER_DIR, 'package-lock.json'));
    execFileSync('npm', [lock ? 'ci' : 'install', '--prefix', PEER_DIR, '--no-audit', '--no-fund'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 10 * 60_000,
    });
  } catch (error) {
    const stderr =
      (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-3).join(' ') ?? String(error);
    return { ok: false, why: `peer install failed: ${stderr}` };
  }
  return installed()
    ? { ok: true, versions: peerVersions() }
    : { ok: false, why: 'peer installed but sqlite3 did not build' };
};
