// ESC/CSI sequences (colours, cursor moves, OSC titles and links) and lone control characters.
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[ -/]*[0-~]|\u009b[0-?]*[ -/]*[@-~]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Stored text (agent names, errors, inputs) made safe to print on a terminal: escape sequences
 * are removed and other control characters (newlines, tabs too) become spaces, so a value cannot
 * recolour the screen, move the cursor or break a table row.
 */
export function printableText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, ' ');
}
