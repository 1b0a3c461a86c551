/**
 * code-server's own logs for one run: the remote extension host's log, and our extension's "Genesys Cloud" output
 * channel among them. The editor stack copies them next to the test's other logs before it deletes the profile, so a
 * failed run (on CI too) can be read afterwards.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Server-side logs of the remote extension host (user-data/logs/<session>/…/remoteexthost.log and friends). */
export function serverLogFiles(userDataDir: string): string[] {
  const logsDir = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logsDir)) return [];
  return (fs.readdirSync(logsDir, { recursive: true }) as string[])
    .map((rel) => path.join(logsDir, rel))
    .filter((file) => file.endsWith('.log') && fs.statSync(file).isFile());
}

/** Copies them into `<logDir>/server-logs/`, keeping their relative paths. */
export function copyServerLogs(userDataDir: string, logDir: string): void {
  const target = path.join(logDir, 'server-logs');
  for (const file of serverLogFiles(userDataDir)) {
    const rel = path.relative(path.join(userDataDir, 'logs'), file);
    fs.mkdirSync(path.dirname(path.join(target, rel)), { recursive: true });
    fs.copyFileSync(file, path.join(target, rel));
  }
}
