// Entry point of the `carto` command (bin/carto.js imports the bundle built from this file).
process.stderr.write('carto: the command line is being built\n');
process.exitCode = 2;
