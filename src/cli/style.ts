// Colour for messages on stderr (or on stdout, for lint's report), only when that stream is a
// terminal and the user has not asked for none (NO_COLOR, --no-color). chalk is loaded only
// when colour is actually used.
export interface Style {
  error(text: string): string;
  warning(text: string): string;
  note(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const plain: Style = { error: (t) => t, warning: (t) => t, note: (t) => t, bold: (t) => t, dim: (t) => t };

export async function makeStyle(wantColor: boolean, stream: { isTTY?: boolean } = process.stderr): Promise<Style> {
  const env = process.env['NO_COLOR'];
  if (!wantColor || (env !== undefined && env !== '') || !stream.isTTY) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { error: chalk.red.bold, warning: chalk.yellow.bold, note: chalk.cyan, bold: chalk.bold, dim: chalk.dim };
}
