/**
 * `npm run bench`: every section below measures one area and adds rows to ONE table, which the README's
 * Performance section quotes. Not a test: numbers depend on the machine, so nothing here asserts a timing.
 *
 *   node out/test/bench/run.js                  all sections
 *   node out/test/bench/run.js --only cli,regex sections whose name contains one of the words
 *
 * To add a measurement, write a BenchSection (see section.ts) in its own file and append it to SECTIONS.
 */
import * as os from 'node:os';
import { activationInNodeSection, activationSection } from './activation';
import { cliStartupSection } from './cliStartup';
import { filtersAsCodeSection } from './filtersAsCodeBench';
import { previewSection } from './preview';
import { regexCorpusSection, regexSection } from './regexValidation';
import { markdownTable, type BenchRow, type BenchSection } from './section';

const SECTIONS: BenchSection[] = [
  activationSection,
  activationInNodeSection,
  cliStartupSection,
  regexSection,
  regexCorpusSection,
  previewSection,
  filtersAsCodeSection,
];

async function main(): Promise<void> {
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : [];
  const chosen = SECTIONS.filter(
    (s) => only.length === 0 || only.some((word) => s.name.toLowerCase().includes(word.toLowerCase())),
  );
  const rows: BenchRow[] = [];
  let failed = false;
  for (const section of chosen) {
    process.stderr.write(`bench: ${section.name}…\n`);
    try {
      rows.push(...(await section.run()));
    } catch (err) {
      failed = true;
      rows.push({
        measure: `${section.name}: FAILED`,
        value: err instanceof Error ? err.message.split('\n')[0] : String(err),
      });
      console.error(err);
    }
  }
  const cpu = os.cpus();
  const load = os.loadavg()[0].toFixed(1);
  console.log(
    `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, load average ${load}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log('');
  console.log(
    markdownTable(
      ['measure', 'median', 'vs `node -e 0` (same run)', 'goal'],
      rows.map((r) => [r.measure, r.value, r.baseline ?? '', r.goal ?? '']),
    ),
  );
  if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
