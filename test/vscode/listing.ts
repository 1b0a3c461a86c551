/**
 * The listing's pictures, made and checked with the same headless chromium the UI tests use.
 *
 *   node out/test/vscode/listing.js icon            media/icon.svg → media/icon.png (128×128), plus a sheet of the
 *                                                  icon at 128 and 32 px on a light and a dark gallery, and one of
 *                                                  the walkthrough's SVGs in a light and a dark theme
 *   node out/test/vscode/listing.js preview [VSIX]  the README and icon *from the .vsix* as a listing page shows them
 *
 * `npm run media` and `npm run listing` call these. The preview serves the README's absolute image URLs (vsce
 * rewrites `media/…` to `<repository>/raw/HEAD/media/…`) from this checkout, so a link that would be broken once
 * the repository is pushed is broken here too, and reported.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { ARTIFACTS_DIR, REPO_ROOT } from './paths';
import { runToExit } from './processes';

const SHOTS = path.join(ARTIFACTS_DIR, 'screenshots', 'listing');
const DEFAULT_VSIX = path.join(REPO_ROOT, 'eventbridge-filters-genesys.vsix');

async function withPage<T>(work: (page: Page) => Promise<T>, scale = 1): Promise<T> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: scale });
    return await work(page);
  } finally {
    await browser.close();
  }
}

/** The PNG icon from its SVG source, and a sheet to judge it at gallery sizes on both backgrounds. */
async function renderIcon(): Promise<void> {
  const svg = fs.readFileSync(path.join(REPO_ROOT, 'media', 'icon.svg'), 'utf8');
  const png = path.join(REPO_ROOT, 'media', 'icon.png');
  await withPage(async (page) => {
    await page.setViewportSize({ width: 128, height: 128 });
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg}`);
    await page.locator('svg').screenshot({ path: png, omitBackground: true });
  });
  const dataUrl = `data:image/png;base64,${fs.readFileSync(png).toString('base64')}`;
  const tile = (background: string, text: string) =>
    `<div style="background:${background};color:${text};padding:24px;display:flex;gap:28px;align-items:center;font:14px system-ui">
       <img src="${dataUrl}" width="128" height="128"><img src="${dataUrl}" width="64" height="64">
       <img src="${dataUrl}" width="32" height="32"><span>EventBridge Filters for Genesys Cloud</span></div>`;
  fs.mkdirSync(SHOTS, { recursive: true });
  await withPage(async (page) => {
    await page.setViewportSize({ width: 560, height: 352 });
    await page.setContent(`<body style="margin:0">${tile('#ffffff', '#1f1f1f')}${tile('#1e1e1e', '#cccccc')}</body>`);
    await page.screenshot({ path: path.join(SHOTS, 'icon-sheet.png') });
  });
  console.log(
    `Wrote ${path.relative(REPO_ROOT, png)} and ${path.relative(REPO_ROOT, path.join(SHOTS, 'icon-sheet.png'))}`,
  );
}

/** A few of the theme's colours, as VS Code sets them on a webview, for a dark preview of the walkthrough media. */
const DARK_THEME = {
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-quickInput-background': '#222222',
  '--vscode-sideBar-background': '#181818',
  '--vscode-widget-border': '#313131',
  '--vscode-input-background': '#313131',
  '--vscode-icon-foreground': '#cccccc',
  '--vscode-checkbox-background': '#313131',
  '--vscode-checkbox-border': '#3c3c3c',
  '--vscode-checkbox-foreground': '#cccccc',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-quickInputList-focusBackground': '#04395e',
};

/** The walkthrough's SVGs (media/walkthrough/) in a light and a dark theme, to judge them without an editor. */
async function previewWalkthroughMedia(): Promise<void> {
  const dir = path.join(REPO_ROOT, 'media', 'walkthrough');
  const svgs = fs.readdirSync(dir).filter((f) => f.endsWith('.svg'));
  const dark = Object.entries(DARK_THEME)
    .map(([name, value]) => `${name}:${value}`)
    .join(';');
  const cells = svgs
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .map((svg) => `<div>${svg}</div><div style="${dark}">${svg}</div>`)
    .join('');
  await withPage(async (page) => {
    await page.setViewportSize({ width: 900, height: 300 * svgs.length });
    await page.setContent(
      `<body style="margin:0;display:grid;grid-template-columns:450px 450px;gap:0;background:#888">${cells}</body>`,
    );
    await page.screenshot({ path: path.join(SHOTS, 'walkthrough-media.png'), fullPage: true });
  });
  console.log(`Wrote ${path.relative(REPO_ROOT, path.join(SHOTS, 'walkthrough-media.png'))}`);
}

interface Manifest {
  displayName: string;
  description: string;
  publisher: string;
  version: string;
  repository: { url: string } | string;
  galleryBanner?: { color?: string; theme?: 'dark' | 'light' };
  categories?: string[];
}

function unzipEntry(vsix: string, entry: string): Buffer {
  return execFileSync('unzip', ['-p', vsix, entry], { maxBuffer: 64 * 1024 * 1024 });
}

/** The README and icon exactly as packaged, rendered like a gallery page; returns the image URLs that failed. */
async function previewListing(vsix: string): Promise<string[]> {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist: run \`npm run package\` first.`);
  // A gallery finds the README and the icon through the .vsix's own manifest, not by file name: so does this.
  const vsixManifest = unzipEntry(vsix, 'extension.vsixmanifest').toString('utf8');
  const asset = (type: string) => {
    const found = new RegExp(`<Asset Type="${type.replace(/\./g, '\\.')}" Path="([^"]+)"`).exec(vsixManifest);
    if (!found) throw new Error(`${path.basename(vsix)} declares no ${type} asset.`);
    return unzipEntry(vsix, found[1]);
  };
  const manifest = JSON.parse(asset('Microsoft.VisualStudio.Code.Manifest').toString('utf8')) as Manifest;
  const readme = asset('Microsoft.VisualStudio.Services.Content.Details').toString('utf8');
  const icon = asset('Microsoft.VisualStudio.Services.Icons.Default').toString('base64');
  // markdown-it is what vsce itself parses READMEs with (a dependency of @vscode/vsce).
  const vsceRequire = createRequire(require.resolve('@vscode/vsce/package.json'));
  const MarkdownIt = vsceRequire('markdown-it') as new (options: object) => { render(src: string): string };
  const body = new MarkdownIt({ html: true }).render(readme);
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository.url;
  const rawBase = `${repository.replace(/\.git$/, '')}/raw/HEAD/`;
  const banner = manifest.galleryBanner ?? {};
  const bannerText = banner.theme === 'dark' ? '#ffffff' : '#1f1f1f';
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{margin:0;font:15px/1.55 -apple-system,"Segoe UI",system-ui,sans-serif;color:#1f1f1f;background:#fff}
    header{background:${banner.color ?? '#eee'};color:${bannerText};padding:28px 48px;display:flex;gap:28px;align-items:center}
    header h1{margin:0;font-size:30px;font-weight:600} header p{margin:6px 0 0;opacity:.85;max-width:720px}
    header small{opacity:.7} main{max-width:1000px;padding:8px 48px 48px}
    img{max-width:100%} table{border-collapse:collapse} td,th{border:1px solid #ddd;padding:6px 10px;vertical-align:top}
    code{background:#f3f3f3;padding:1px 4px;border-radius:3px;font-size:90%} pre code{background:none;padding:0} pre{background:#f6f6f6;padding:12px;overflow:auto}
    </style>
    <header><img src="data:image/png;base64,${icon}" width="128" height="128">
      <div><h1>${manifest.displayName}</h1><small>${manifest.publisher} · v${manifest.version} · ${(manifest.categories ?? []).join(', ')}</small>
      <p>${manifest.description}</p></div></header>
    <main>${body}</main>`;
  const failed: string[] = [];
  fs.mkdirSync(SHOTS, { recursive: true });
  await withPage(async (page) => {
    // What github.com will serve once the repository is pushed: the files of this checkout at the same path.
    await page.route(`${rawBase}**`, async (route) => {
      const relative = decodeURIComponent(route.request().url().slice(rawBase.length).split(/[?#]/)[0]);
      const file = path.join(REPO_ROOT, relative);
      if (!file.startsWith(REPO_ROOT + path.sep) || !fs.existsSync(file)) {
        failed.push(route.request().url());
        return route.fulfill({ status: 404, body: 'not in this checkout' });
      }
      return route.fulfill({ path: file });
    });
    // Nothing else may leave the machine; anything else the README points at is reported as unreachable.
    await page.route(
      (url) => !url.href.startsWith(rawBase) && url.protocol !== 'data:' && url.protocol !== 'about:',
      async (route) => {
        if (route.request().resourceType() === 'image') failed.push(route.request().url());
        await route.abort();
      },
    );
    await page.setContent(html, { waitUntil: 'load' });
    const broken = await page.$$eval('img', (imgs) =>
      imgs.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src),
    );
    for (const src of broken) if (!failed.includes(src)) failed.push(src);
    await page.screenshot({ path: path.join(SHOTS, 'listing-first-screen.png') });
    await page.screenshot({ path: path.join(SHOTS, 'listing-full.png'), fullPage: true });
  });
  console.log(`Rendered ${path.relative(REPO_ROOT, vsix)}'s README into ${path.relative(REPO_ROOT, SHOTS)}/`);
  return failed;
}

async function main(): Promise<number> {
  const [what, arg] = process.argv.slice(2);
  if (what === 'icon') {
    await renderIcon();
    await previewWalkthroughMedia();
    return 0;
  }
  if (what === 'preview') {
    const failed = await previewListing(path.resolve(arg ?? DEFAULT_VSIX));
    if (failed.length > 0) {
      console.error(`Images that would be broken on the listing:\n  ${failed.join('\n  ')}`);
      return 1;
    }
    return 0;
  }
  console.error('Usage: node out/test/vscode/listing.js icon | preview [file.vsix]');
  return 2;
}

runToExit(main);
