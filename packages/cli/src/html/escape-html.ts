const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text from the records (names, notes, reason codes) as HTML text or an attribute's value: the five
 * characters that could end an element or an attribute become entities, so a note cannot become
 * markup. Control characters become a space, as in the library's own renderers.
 */
export function escapeHtml(text: string): string {
  // Every character but tab, line breaks, printable ASCII and what lies past DEL: the C0 controls and DEL.
  return text.replace(/[^\t\n\r -~\u0080-\uffff]/g, " ").replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
