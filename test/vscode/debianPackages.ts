/**
 * The README promises two commands on a fresh machine (`npm run demo`, `npm test`), but the real editor needs a
 * few Debian packages npm cannot bring (chromium, the Kerberos headers, a C++ toolchain). Where we may install
 * them without asking (root, or passwordless sudo) we do, saying so; elsewhere the error names the exact command.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** Installs the missing packages with apt-get, or throws with the command a person should run. */
export function installDebianPackages(packages: string[], why: string): void {
  if (packages.length === 0) return;
  const command = `sudo apt-get install -y ${packages.join(' ')}`;
  const prefix = installPrefix();
  if (!prefix) throw new Error(`${why} Install them with: ${command}   (.ci/run does this for you).`);
  console.log(`${why} Installing them: apt-get install -y ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => {
    const [command, ...rest] = [...prefix, ...args];
    return spawnSync(command, rest, { stdio: 'inherit', env });
  };
  // The package lists may be missing on a fresh machine; an update first makes the install find them.
  // Another apt-get may hold the dpkg lock (unattended upgrades): wait for it rather than fail at once.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  run(['apt-get', ...lockWait, 'update', '-qq']);
  const result = run(['apt-get', ...lockWait, 'install', '-y', '-qq', ...packages]);
  if (result.status !== 0) throw new Error(`apt-get could not install ${packages.join(' ')}. Run: ${command}`);
}

/** `[]` for root, `['sudo', '-n']` when sudo needs no password, undefined when we must not try. */
function installPrefix(): string[] | undefined {
  if (!hasCommand('apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  if (hasCommand('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

export function hasCommand(name: string): boolean {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}
