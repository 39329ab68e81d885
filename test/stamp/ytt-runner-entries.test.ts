// A library user's own ytt runner gets each data value as a plain `{key, value}`: copying an
// entry (a spread, as a runner that adds or renames keys does) keeps its value, so a runner that
// copies then delegates to the built-in engine renders what the built-in engine renders.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinYtt, parseText, render, type YttRunner } from '../../src/index.js';

const text = ['supply-chain.yaml', 'templates.yaml', 'workloads.yaml'].map((f) => readFileSync(`examples/ytt/${f}`, 'utf8')).join('\n---\n');

describe('a ytt runner given by a library user', () => {
  it('reads each data value from a copy of its entry', () => {
    const seen: unknown[] = [];
    const copying: YttRunner = (body, dataValues) => {
      const copies = dataValues.map((entry) => ({ ...entry }));
      seen.push(...copies.map((c) => c.value));
      return builtinYtt(body, copies);
    };
    const documents = parseText(text, 'inputs.yaml').documents;
    const plain = render(documents, {});
    const copied = render(documents, { ytt: copying });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((v) => v !== undefined)).toBe(true);
    expect(copied.ok).toBe(true);
    expect(JSON.stringify(copied.objects)).toBe(JSON.stringify(plain.objects));
    expect(JSON.parse(JSON.stringify(copied.objects)).length).toBeGreaterThan(0);
  });
});
