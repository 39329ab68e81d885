import { Lexer, Parser } from 'yaml';
import { readFileSync } from 'node:fs';
const text = readFileSync(process.argv[2], 'utf8');
let t = Date.now(); let n = 0, depth = 0, max = 0;
for (const tok of new Lexer().lex(text)) { n++; if (tok === '[' || tok === '{') { depth++; if (depth > max) max = depth; } else if (tok === ']' || tok === '}') depth--; }
console.log('lex', Date.now() - t, 'ms tokens', n, 'max', max);
if (process.argv[3]) { t = Date.now(); let k = 0; for (const tok of new Parser().parse(text)) k++; console.log('parse(cst)', Date.now() - t, k); }
