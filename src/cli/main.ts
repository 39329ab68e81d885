// Entry point of the `carto` command: parses flags with commander and hands each command to
// its module, loaded only when that command runs. Exit codes: 0 success, 1 inputs that cannot
// be rendered (message on stderr, nothing on stdout), linted with errors or tested with
// failures (report on stdout), 2 usage errors.
import { Command, CommanderError, Option } from 'commander';
import { isInputError, isUsageError } from '../diagnostics/diagnostic.js';
import { VERSION } from '../version.js';
import { writeErr, writeOut } from './io.js';
import { isStackOverflow } from '../util/stack-overflow.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Flags several commands share: declared once, so they agree everywhere. */
const flag = {
  filename: () => new Option('-f, --filename <path>', 'a file or directory to read (repeatable; - for stdin)').argParser(collect).default([]),
  recursive: () => new Option('-R, --recursive', 'read directories recursively'),
  outputs: () => new Option('--outputs <file>', 'outputs of resources: RESOURCE (or OWNER/RESOURCE) → {url, revision} | {image} | {config}'),
  setOutput: () => new Option('--set-output <resource.field=value>', 'set one output, e.g. image-builder.image=registry/app@sha256:… (repeatable)').argParser(collect).default([]),
  observed: () => new Option('--observed <path>', 'live objects (kubectl get -o yaml) to read status outputs and health from (repeatable)').argParser(collect).default([]),
  cartographer: () => new Option('--cartographer <version>', 'semantics to reproduce (default: 0.0.6 for 0.0.6-format blueprints, else current)').choices(['current', '0.0.6']),
  ytt: () => new Option('--ytt <path>', 'run ytt with this binary instead of the built-in engine (also CARTO_YTT)'),
  dataValuesFile: () => new Option('--data-values-file <file>', 'data values for input files that are themselves ytt templates (repeatable)').argParser(collect).default([]),
  dataValue: () => new Option('-v, --data-value <key=value>', 'set a data value of the input ytt files to a string, as ytt -v does (repeatable)').argParser(collect).default([]),
  dataValueYaml: () => new Option('--data-value-yaml <key=yaml>', 'set a data value of the input ytt files from YAML, as ytt does (repeatable)').argParser(collect).default([]),
  dataValueFile: () => new Option('--data-value-file <key=path>', 'set a data value of the input ytt files to the contents of a file, as ytt does (repeatable)').argParser(collect).default([]),
  namespace: () => new Option('-n, --namespace <namespace>', 'namespace of owners whose file has none').default('default'),
  missingTemplates: () => new Option('--missing-templates <mode>', 'a template the inputs lack: error (as the controller) or mock (taken as installed by the platform)').choices(['error', 'mock']).default('error'),
  shard: (what: string) => new Option('--shard <I/N>', `only shard I of N: a stable share of the ${what} by a hash of their name, for CI matrices`),
  noColor: () => new Option('--no-color', 'no colour in messages and reports'),
  kubeVersion: () => new Option('--kube-version <version>', 'validate against the schemas of this Kubernetes version (1.32, 1.33, 1.34, 1.36; default 1.34)'),
  crds: () => new Option('--crds <path>', 'CustomResourceDefinitions to validate custom resources against: a file or directory (repeatable)').argParser(collect).default([]),
  strictSchemas: () => new Option('--strict-schemas', 'a stamped object of a kind no schema covers is an error'),
  debug: () => new Option('--debug', 'show stack traces of internal errors'),
};

/** `[paths...]`, `-f` and `-R`: how every command that reads manifests takes its inputs. */
function withInputs(c: Command): Command {
  return c
    .argument('[paths...]', 'YAML/JSON files or directories to read (- for stdin)')
    .addOption(flag.filename())
    .addOption(flag.recursive());
}

/** The flags that decide how owners render, shared by render, graph and explain. */
/** `status` takes the flags too, but hides the two values it refuses (its usage error says why). */
function withRenderFlags(c: Command, hide: { statusRefused?: boolean } = {}): Command {
  const refused = (o: Option): Option => (hide.statusRefused ? o.hideHelp() : o);
  for (const f of [flag.outputs, flag.setOutput, flag.observed]) c.addOption(f());
  c.addOption(refused(flag.cartographer()));
  for (const f of [flag.ytt, flag.dataValuesFile, flag.dataValue, flag.dataValueYaml, flag.dataValueFile, flag.namespace]) c.addOption(f());
  c.addOption(refused(flag.missingTemplates()));
  return c;
}

function withCommonFlags(c: Command): Command {
  return c.addOption(flag.noColor()).addOption(flag.debug());
}

function program(): Command {
  const cmd = new Command('carto')
    .description('Render Cartographer supply chains offline: the objects the controller would stamp, without a cluster.')
    .version(VERSION, '--version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut, writeErr })
    .exitOverride();

  const render = withInputs(cmd.command('render').description('print the objects Cartographer would stamp for every Workload, Deliverable and Runnable in the inputs'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .option('--output-dir <dir>', 'write one file per object under DIR instead of printing')
    .option('--workload <name>', 'render only this owner: NAME or NAMESPACE/NAME (repeatable)', collect, [])
    .option('--strict', 'fail instead of using a mocked output')
    .option('--expand-runnables', 'also render what each Runnable a supply chain stamps would stamp')
    .option('--no-owner-references', 'never emit ownerReferences')
    .option('--keep-going', 'print what every owner that renders stamps, report those that fail, exit 1')
    .addOption(flag.shard('owners (NAMESPACE/NAME)'))
    .option('--validate', 'validate the stamped objects as the API server would (strict); an invalid object is an error')
    .addOption(flag.kubeVersion())
    .addOption(flag.crds())
    .addOption(flag.strictSchemas());
  withCommonFlags(withRenderFlags(render)).action(async (paths: string[], options: Record<string, unknown>) => {
    const { runRender } = await import('./render.js');
    process.exitCode = await runRender(paths, options);
  });

  const lint = withInputs(cmd.command('lint').description('check templates, blueprints and owners: schemas, admission-webhook rules, cross-references'))
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'sarif']).default('text'))
    // (render, status and diff say -o: lint takes it too, for the same thing)
    .addOption(new Option('-o, --output <format>', 'the same as --format').choices(['text', 'json', 'sarif']).conflicts('format'))
    .option('--strict', 'exit 1 on warnings too')
    .addOption(flag.dataValuesFile())
    .addOption(flag.dataValue())
    .addOption(flag.dataValueYaml())
    .addOption(flag.dataValueFile())
    .addOption(flag.namespace())
    .addOption(flag.missingTemplates())
    .addOption(flag.shard('owners (NAMESPACE/NAME); templates and blueprints are checked in every shard'))
    .option('--no-render', 'do not render the owners to validate what they stamp')
    .addOption(flag.kubeVersion())
    .addOption(flag.crds())
    .addOption(flag.strictSchemas());
  withCommonFlags(lint).action(async (paths: string[], options: Record<string, unknown>) => {
    const { runLint } = await import('./lint.js');
    process.exitCode = await runLint(paths, options);
  });

  const test = cmd
    .command('test')
    .description("run template tests: Cartographer's cartotest suites unchanged, and carto's whole-chain golden tests")
    .argument('[dirs...]', 'directories holding the tests')
    .option('-v, --verbose', "add each case's name, description and error (with a diff) to the report")
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--junit <file>', 'also write a JUnit XML report to FILE')
    .option('--update', 'rewrite whole-chain expectations from what carto renders now')
    .option('--force', 'with --update: rewrite even when CI is set')
    .addOption(flag.ytt())
    .addOption(flag.shard('test cases (their paths)'));
  withCommonFlags(test).action(async (dirs: string[], options: Record<string, unknown>) => {
    const { runTest } = await import('./test.js');
    process.exitCode = await runTest(dirs, options);
  });

  cmd
    .command('ytt')
    .description('run ytt templates with the built-in engine; prints what the ytt binary would print')
    .option('-f, --file <path>', 'a file or directory, as ytt reads it (repeatable; NAME=PATH names a file; - for stdin)', collect, [])
    .option('-v, --data-value <key=value>', 'set a data value to a string, as ytt -v does (repeatable)', collect, [])
    .option('--data-value-yaml <key=yaml>', 'set a data value from YAML (repeatable)', collect, [])
    .option('--data-value-file <key=path>', 'set a data value to the contents of a file, as ytt does (repeatable)', collect, [])
    .option('--data-values-file <path>', 'a data values file (repeatable)', collect, [])
    .option('--data-values-inspect', 'print the final data values instead of the templates, as ytt does')
    .option('--dangerous-data-values-disable-validation', 'skip @schema/validation and @assert/validate, as ytt does')
    .option('--ignore-unknown-comments', 'treat plain # comments as comments')
    .option('--allow-symlink-destination <dir>', 'follow symlinks whose destination is inside DIR, as ytt does (repeatable)', collect, [])
    .option('--dangerous-allow-all-symlink-destinations', 'follow all symlinks, as ytt does')
    .action(async (options: Record<string, unknown>) => {
      const { runYttCommand } = await import('./ytt.js');
      process.exitCode = runYttCommand(options);
    });

  const graph = withInputs(cmd.command('graph').description('draw the supply chains and deliveries in the inputs, or what one owner would stamp (--workload)'))
    .addOption(new Option('--format <format>', 'dot (Graphviz), mermaid (Markdown) or text (a tree for the terminal)').choices(['dot', 'mermaid', 'text']).default('dot'))
    .option('--workload <name>', 'draw what this owner would stamp: NAME or NAMESPACE/NAME')
    .option('--blueprint <name>', 'draw only the ClusterSupplyChain or ClusterDelivery of this name');
  withCommonFlags(withRenderFlags(graph)).action(async (paths: string[], options: Record<string, unknown>) => {
    const { runGraph } = await import('./graph.js');
    process.exitCode = await runGraph(paths, options);
  });

  const statusCmd = withInputs(cmd.command('status').description('the status Cartographer would write on each Workload and Deliverable: where each is stuck, and why'))
    .addOption(new Option('-o, --output <format>', 'text (for a person), or the owners with their status as yaml or json').choices(['text', 'yaml', 'json']).default('text'))
    .option('--workload <name>', 'only this owner: NAME or NAMESPACE/NAME (repeatable)', collect, [])
    .option('--exit-code', 'exit 1 when an owner is not Ready (for CI gates)')
    .addOption(flag.kubeVersion())
    .addOption(flag.crds());
  withCommonFlags(withRenderFlags(statusCmd, { statusRefused: true })).action(async (paths: string[], options: Record<string, unknown>) => {
    const { runStatus } = await import('./status.js');
    process.exitCode = await runStatus(paths, options);
  });

  const explain = withInputs(cmd.command('explain').description('explain the render of one owner: the blueprint and options chosen and why, where every param and output came from'))
    .requiredOption('--workload <name>', 'the owner to explain: NAME or NAMESPACE/NAME')
    .addOption(new Option('--format <format>', 'text (for a person) or json (for tools)').choices(['text', 'json']).default('text'));
  withCommonFlags(withRenderFlags(explain)).action(async (paths: string[], options: Record<string, unknown>) => {
    const { runExplain } = await import('./explain.js');
    process.exitCode = await runExplain(paths, options);
  });
  const diff = cmd
    .command('diff')
    .description('what a change to templates, blueprints or owners does to every stamped object: carto diff OLD NEW (or -f OLD -f NEW), or --base REV [PATH...]')
    .argument('[paths...]', 'OLD and NEW (each a file or directory of inputs), or with --base the paths to compare')
    .addOption(new Option('-f, --filename <path>', 'OLD then NEW (-f OLD -f NEW), or with --base the paths to compare (repeatable)').argParser(collect).default([]))
    .addOption(flag.recursive())
    .option('--base <rev>', 'compare the inputs at this git revision with the work tree (e.g. origin/main)')
    .addOption(new Option('-o, --output <format>', 'report format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--stat', 'one line per owner with what changed')
    .option('-U, --unified <n>', 'lines of context around each change (default 3)')
    .option('--workload <name>', 'compare only this owner: NAME or NAMESPACE/NAME (repeatable)', collect, [])
    .option('--expand-runnables', 'also compare what each Runnable a supply chain stamps would stamp')
    .option('--no-owner-references', 'never emit ownerReferences');
  withCommonFlags(withRenderFlags(diff)).action(async (paths: string[], options: Record<string, unknown>) => {
    const { runDiff } = await import('./diff.js');
    process.exitCode = await runDiff(paths, options);
  });
  const migrateCmd = withInputs(cmd.command('migrate').description('rewrite ClusterSupplyChains written for Cartographer 0.0.6 in the current format, and say what behaves differently'))
    .option('--in-place', 'rewrite the files themselves instead of printing');
  withCommonFlags(migrateCmd).action(async (paths: string[], options: Record<string, unknown>) => {
    const { runMigrate } = await import('./migrate.js');
    process.exitCode = await runMigrate(paths, options);
  });

  cmd
    .command('completion')
    .description('print a shell completion script: source <(carto completion bash)')
    .argument('<shell>', 'bash, zsh or fish')
    .action(async (shell: string) => {
      const { completionScript } = await import('./completion.js');
      writeOut(completionScript(shell, cmd));
    });
  // A command (or top-level flag) carto does not have: the whole usage on stderr, so the person
  // sees what it does have. Set after the subcommands, which keep the one-line pointer above.
  cmd.showHelpAfterError(true);
  return cmd;
}

async function main(argv: string[]): Promise<void> {
  try {
    // The bare command is a request for help (as kubectl and helm take it): help on stdout, exit 0.
    if (argv.length <= 2) {
      program().outputHelp();
      process.exitCode = 0;
      return;
    }
    await program().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
    } else if (isUsageError(err)) {
      writeErr(`carto: ${err.message}\n`);
      process.exitCode = 2;
    } else if (isInputError(err)) {
      writeErr(`carto: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      const debug = argv.includes('--debug');
      writeErr(`carto: ${internalMessage(err)}\n`);
      writeErr(debug && err instanceof Error ? `${err.stack}\n` : 'run again with --debug for a stack trace, and please report it\n');
      process.exitCode = 1;
    }
  }
}

/**
 * What an unexpected error means. Running out of stack or string length is JavaScript's own limit
 * reached by an input carto's limits did not foresee: say so rather than show an engine message.
 */
function internalMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (isStackOverflow(err)) return 'internal error: the inputs nest too deeply for carto to process (JavaScript ran out of stack)';
  if (err instanceof RangeError && /string length|array length|allocation failed/i.test(message)) return 'internal error: a value is too large for carto to process (JavaScript ran out of string or array length)';
  return `internal error: ${message}`;
}

void main(process.argv);
