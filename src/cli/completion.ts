// `carto completion bash|zsh|fish`: a completion script made from the command line's own
// definition (commander's commands, options and choices), so it never lists a flag carto does
// not have. Flags that take a path complete file names; flags with choices complete the choices.
import type { Command, Option } from 'commander';
import { UsageError } from '../diagnostics/diagnostic.js';

interface Flag {
  short?: string;
  long?: string;
  description: string;
  takesValue: boolean;
  choices?: readonly string[];
}

interface Sub {
  name: string;
  description: string;
  flags: Flag[];
}

function describe(program: Command): Sub[] {
  return program.commands.map((c) => ({
    name: c.name(),
    description: c.description(),
    flags: [...c.options.map(flagOf), { long: '--help', short: '-h', description: 'display help for command', takesValue: false }],
  }));
}

function flagOf(o: Option): Flag {
  return {
    ...(o.short ? { short: o.short } : {}),
    ...(o.long ? { long: o.long } : {}),
    description: o.description,
    takesValue: o.required || o.optional,
    ...(o.argChoices ? { choices: o.argChoices } : {}),
  };
}

export function completionScript(shell: string, program: Command): string {
  const subs = describe(program);
  switch (shell) {
    case 'bash':
      return bash(subs);
    case 'zsh':
      return zsh(subs);
    case 'fish':
      return fish(subs);
    default:
      throw new UsageError(`carto completion ${shell}: the shells are bash, zsh and fish`);
  }
}

const names = (f: Flag): string[] => [f.short, f.long].filter((n): n is string => n !== undefined);

function bash(subs: readonly Sub[]): string {
  const perCommand = subs.map((s) => {
    const choices = s.flags.filter((f) => f.choices).map((f) => `        ${names(f).join('|')}) COMPREPLY=( $(compgen -W "${(f.choices as readonly string[]).join(' ')}" -- "$cur") ); return ;;`);
    const values = s.flags.filter((f) => f.takesValue && !f.choices).flatMap(names);
    const prev = [...choices, ...(values.length > 0 ? [`        ${values.join('|')}) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;`] : [])];
    return `    ${s.name})
      opts="${s.flags.flatMap(names).join(' ')}"
${prev.length > 0 ? `      case "$prev" in\n${prev.join('\n')}\n      esac\n` : ''}      ;;`;
  });
  return `# carto completion for bash. Load it with: source <(carto completion bash)
_carto() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${subs.map((s) => s.name).join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${perCommand.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -o bashdefault -F _carto carto
`;
}

/** Text inside a zsh `[...]` description or a fish single-quoted string. */
const zshText = (t: string) => t.replace(/\\/g, '\\\\').replace(/[[\]:]/g, (c) => `\\${c}`).replace(/'/g, "'\\''");
const fishText = (t: string) => t.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

function zsh(subs: readonly Sub[]): string {
  const spec = (f: Flag): string => {
    const value = f.takesValue ? `:value:${f.choices ? `(${f.choices.join(' ')})` : '_files'}` : '';
    const desc = `[${zshText(f.description)}]`;
    if (f.short && f.long) return `'(${f.short} ${f.long})'{${f.short},${f.long}}'${desc}${value}'`;
    return `'${names(f)[0]}${desc}${value}'`;
  };
  const cases = subs
    .map((s) => `    ${s.name})\n      _arguments -s ${s.flags.map(spec).join(' ')} '*:file:_files' ;;`)
    .join('\n');
  return `#compdef carto
# carto completion for zsh. Load it with: source <(carto completion zsh)
# (or save it as _carto in a directory of your $fpath)
_carto() {
  local -a commands
  commands=(
${subs.map((s) => `    '${s.name}:${zshText(s.description)}'`).join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "$words[2]" in
${cases}
  esac
}
compdef _carto carto
`;
}

function fish(subs: readonly Sub[]): string {
  const lines = [
    '# carto completion for fish. Load it with: carto completion fish | source',
    '# (or save it as ~/.config/fish/completions/carto.fish)',
    'complete -c carto -f',
    ...subs.map((s) => `complete -c carto -n '__fish_use_subcommand' -a ${s.name} -d '${fishText(s.description)}'`),
  ];
  for (const s of subs) {
    for (const f of s.flags) {
      const parts = [`complete -c carto -n '__fish_seen_subcommand_from ${s.name}'`];
      if (f.short) parts.push(`-s ${f.short.slice(1)}`);
      if (f.long) parts.push(`-l ${f.long.slice(2)}`);
      if (f.takesValue) parts.push(f.choices ? `-x -a '${f.choices.join(' ')}'` : '-r -F');
      parts.push(`-d '${fishText(f.description)}'`);
      lines.push(parts.join(' '));
    }
    lines.push(`complete -c carto -n '__fish_seen_subcommand_from ${s.name}' -F`);
  }
  return `${lines.join('\n')}\n`;
}
