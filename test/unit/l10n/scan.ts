/**
 * Finds the user-facing strings of the extension's sources that are not localizable, with the TypeScript compiler
 * API (used by test/unit/l10n.test.ts; no side effects, so node's test runner may load it as a file of its own).
 *
 * A string or template literal is *localized* when it is the message of `vscode.l10n.t(…)` (its first argument).
 * Any other literal is *exempt* by its position — code, not words: module specifiers, types, property names and
 * keys, `case` labels, comparisons, and the arguments of calls that take ids or write logs (EXEMPT_CALLS) — or by
 * the explicit ALLOWED list below. What is left is *user-facing* when its text (codicons `$(…)` and `${…}`
 * substitutions taken out) has a word of two letters or more and
 *   - contains white space (prose: "Sign in to Genesys Cloud first."), or
 *   - is one capitalised word ("Undo", "Environment"; not an identifier such as "AbortError"), or
 *   - sits where VS Code shows text whatever it looks like: a `label`, `description`, `placeholder`, `prompt`,
 *     `title`, `message`, `tooltip`… property, or an argument of `plural()` (USER_FACING_PROPERTIES, USER_FACING_CALLS).
 * So "genesysCloud.signIn", "symbol-event", "filter:regex", "utf8" or `${id}/topics` are never flagged: ids,
 * codicons, context values and paths are single tokens without spaces.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface Finding {
  /** Repository-relative path and 1-based line. */
  file: string;
  line: number;
  /** The literal as written in the source. */
  text: string;
  /** The function, method or class it is in. */
  inFunction?: string;
}

/** Log lines stay English: they are for support, and a log in one language can be searched and compared. */
const LOG = 'a log line';

/** Calls whose string arguments are code or logs, never shown as words; `first` = only the first argument. */
const EXEMPT_CALLS: Array<{ callee: RegExp; first?: boolean; why: string }> = [
  {
    callee: /(^|\.)(log|logger)\.(trace|debug|info|warn|error)$|^console\.\w+$|(^|\.)log$/,
    why: LOG,
  },
  { callee: /(^|\.)executeCommand$|(^|\.)registerCommand$/, first: true, why: 'a command id (or setContext)' },
  { callee: /^vscode\.commands\.executeCommand$/, first: true, why: 'a command id' },
  { callee: /(^|\.)(ThemeIcon|ThemeColor)$/, why: 'codicon and theme colour ids' },
  { callee: /(^|\.)(getConfiguration|affectsConfiguration)$/, why: 'setting ids' },
  {
    callee: /(^|\.)(createStatusBarItem|createTreeView|registerTextDocumentContentProvider)$/,
    first: true,
    why: 'ids',
  },
  { callee: /(^|\.)(get|update|setKeysForSync)$/, first: true, why: 'setting and globalState keys' },
  { callee: /^Symbol\.for$|^RegExp$/, why: 'symbols and patterns' },
  {
    callee: /\.(startsWith|endsWith|includes|indexOf|split|join|replace|padStart|padEnd|test|has|delete)$/,
    why: 'string and collection operations',
  },
  // Cancellations are never shown (the command wrapper drops them silently); their text only reaches the debug log.
  { callee: /(^|\.)UserCancelledError$/, why: 'never shown' },
];

/** Properties VS Code shows as text (quick picks, input boxes, tree items, messages, status bar). */
const USER_FACING_PROPERTIES = new Set([
  'label',
  'description',
  'detail',
  'placeholder',
  'prompt',
  'title',
  'message',
  'tooltip',
  'emptyMessage',
  'confirmLabel',
  'text',
  'altText',
]);

/** Calls whose string arguments become words on screen. */
const USER_FACING_CALLS = /(^|\.)plural$/;

/**
 * Literals left as they are on purpose, by file and exact text. Keep this list short and say why: anything a user can
 * read belongs in l10n/bundle.l10n.json.
 */
export const ALLOWED: ReadonlyArray<{ file: string; text?: string; inFunction?: string; why: string }> = [
  {
    file: 'src/extension/tree/integrationListNode.ts',
    text: "'The root is not displayed.'",
    why: 'an invariant of the tree provider (VS Code never asks the invisible root for its item), never shown',
  },
  {
    file: 'src/extension/cancellation.ts',
    text: "'Cancelled'",
    why: 'the default text of a cancellation, which the command wrapper drops without a word (it reaches the debug log)',
  },
  {
    file: 'src/extension/preview/panelHtml.ts',
    inFunction: 'renderPanel',
    why: "the preview page's Content-Security-Policy directives (code); the page's words come through vscode.l10n.t",
  },
  {
    file: 'src/extension/asCode/filtersDiagnostics.ts',
    text: "'Genesys Cloud'",
    why: "the diagnostics' source: the product's name, which stays as it is in every language",
  },
  {
    file: 'src/extension/asCode/fileEntry.ts',
    text: `'{ "uri": "file:///…/eventbridge-filters.json", "index": 0 }'`,
    why: "an example of the command's arguments in JSON (code), put into a localized message",
  },
  {
    file: 'src/extension/requestLogging.ts',
    inFunction: 'formatRequest',
    why: 'builds the log line of a request (method, path, status, ms), which stays English like every log line',
  },
];

/** The name of the function, method or class around `node`, if any. */
function enclosingFunction(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isClassDeclaration(n)) && n.name) {
      return n.name.getText();
    }
  }
  return undefined;
}

function calleeName(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return `${calleeName(expression.expression)}.${expression.name.text}`;
  if (ts.isCallExpression(expression)) return `${calleeName(expression.expression)}()`;
  if (expression.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  return '?';
}

/** `vscode.l10n.t` or `l10n.t` (after `import { l10n } from 'vscode'`). */
function isL10nCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(calleeName(node.expression));
}

/** The literal's static text: template substitutions and codicons taken out. */
function staticText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  const raw = ts.isTemplateExpression(node)
    ? // A substitution is neither a letter nor a space: `integration/${id}/topics` stays one token.
      [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('\u0001')
    : node.text;
  return raw.replace(/\$\([\w~-]+\)/g, ' ');
}

/**
 * The words of HTML markup (a webview's page): the text between tags and the values of the attributes a user sees or
 * hears (`title`, `aria-label`, `alt`, `placeholder`), each a piece of its own. Tag names, classes and other
 * attributes are code. Undefined when the literal is not markup.
 */
function markupWords(text: string): string[] | undefined {
  if (!text.trimStart().startsWith('<')) return undefined;
  const words: string[] = [];
  for (const [, value] of text.matchAll(/\s(?:title|aria-label|alt|placeholder)="([^"]*)"/g)) words.push(value);
  words.push(...text.replace(/<[^>]*>/g, '\u0001').split('\u0001'));
  return words;
}

function looksLikeWords(text: string): boolean {
  const pieces = markupWords(text);
  if (pieces) return pieces.some((piece) => looksLikeWords(piece));
  const trimmed = text.trim();
  if (!/\p{L}{2,}/u.test(trimmed)) return false;
  // Prose has spaces; ids, codicons, context values, keys and paths never do.
  if (/\s/.test(trimmed)) return true;
  // One capitalised word ("Undo"), not an identifier with inner capitals ("AbortError").
  return /^\p{Lu}\p{Ll}+[.…!?:]?$/u.test(trimmed);
}

/** Why the literal at `node` needs no localization, or undefined when it is in a position that shows it. */
function exemptBecause(node: ts.Node): string | undefined {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) {
    return 'module';
  }
  if (ts.isLiteralTypeNode(parent)) return 'type';
  if (
    (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent)) &&
    parent.name === node
  ) {
    return 'property name';
  }
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return 'key';
  if (ts.isComputedPropertyName(parent)) return 'key';
  if (ts.isCaseClause(parent)) return 'case label';
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const comparisons = [
      ts.SyntaxKind.EqualsEqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsEqualsToken,
      ts.SyntaxKind.EqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsToken,
      ts.SyntaxKind.InKeyword,
    ];
    if (comparisons.includes(op)) return 'comparison';
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node) {
    const name = calleeName(parent.expression);
    if (name === 'require' || parent.expression.kind === ts.SyntaxKind.ImportKeyword) return 'module';
    const index = parent.arguments?.indexOf(node as ts.Expression) ?? -1;
    for (const rule of EXEMPT_CALLS) {
      if (rule.callee.test(name) && (!rule.first || index === 0)) return rule.why;
    }
  }
  return undefined;
}

/** True where VS Code shows the value as text, whatever it looks like. */
function inUserFacingPlace(node: ts.Node): boolean {
  let current = node;
  // Through `a ?? 'x'`, `c ? 'x' : 'y'`, parentheses and `'a' + b`.
  while (
    ts.isParenthesizedExpression(current.parent) ||
    ts.isConditionalExpression(current.parent) ||
    (ts.isBinaryExpression(current.parent) &&
      [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.PlusToken].includes(
        current.parent.operatorToken.kind,
      ))
  ) {
    current = current.parent;
  }
  const parent = current.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === current) {
    return ts.isIdentifier(parent.name) && USER_FACING_PROPERTIES.has(parent.name.text);
  }
  if (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    parent.right === current &&
    ts.isPropertyAccessExpression(parent.left)
  ) {
    return USER_FACING_PROPERTIES.has(parent.left.name.text);
  }
  if (ts.isCallExpression(parent) && USER_FACING_CALLS.test(calleeName(parent.expression))) return true;
  return false;
}

/** The un-localized user-facing literals of one source text. */
export function scanSource(fileName: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const visit = (node: ts.Node, localizedMessage: ts.Node | undefined): void => {
    // A log call's arguments, down to the last substitution, are the log line.
    if (ts.isCallExpression(node) && EXEMPT_CALLS[0].callee.test(calleeName(node.expression))) return;
    if (isL10nCall(node)) {
      const [message, ...args] = node.arguments;
      // The message is what gets translated; the arguments are values, checked like any other code.
      if (message) visit(message, message);
      for (const arg of args) visit(arg, undefined);
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const localized = localizedMessage === node;
      if (!localized && !exemptBecause(node)) {
        const text = staticText(node);
        if (looksLikeWords(text) || (/\p{L}{2,}/u.test(text) && inUserFacingPlace(node))) {
          const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
          findings.push({ file: fileName, line: line + 1, text: node.getText(), inFunction: enclosingFunction(node) });
        }
      }
      // Substitutions of a template may hold calls (l10n.t among them) and literals of their own.
      if (ts.isTemplateExpression(node)) for (const span of node.templateSpans) visit(span.expression, undefined);
      return;
    }
    ts.forEachChild(node, (child) => visit(child, undefined));
  };
  visit(sourceFile, undefined);
  return findings.filter(
    (f) =>
      !ALLOWED.some(
        (a) =>
          a.file === f.file &&
          (a.text === undefined || a.text === f.text) &&
          (a.inFunction === undefined || a.inFunction === f.inFunction),
      ),
  );
}

/** Every `vscode.l10n.t` message of one source text, as the runtime sees it (escapes resolved). */
export function localizedMessages(fileName: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const messages: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isL10nCall(node)) {
      const message = node.arguments[0];
      if (message && (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message))) {
        messages.push(message.text);
      } else {
        messages.push(`<not a literal: ${message?.getText() ?? 'nothing'} at ${fileName}>`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return messages;
}

/** The repository-relative paths of the .ts files under `dir`. */
export function sourceFiles(repo: string, dir: string): string[] {
  return (fs.readdirSync(path.join(repo, dir), { recursive: true }) as string[])
    .filter((rel) => rel.endsWith('.ts'))
    .sort()
    .map((rel) => path.posix.join(dir, rel.split(path.sep).join('/')));
}
