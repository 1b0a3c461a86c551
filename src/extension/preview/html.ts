/** Escapes text for HTML content and attribute values: everything the preview panel shows goes through this. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
