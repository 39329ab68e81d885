// Stand-in values for what only a live cluster would have. They are deterministic, obviously
// fake, and of the shape their use implies: URLs and image references under the reserved
// `.invalid` domain (a mock that slips into a cluster fails loudly instead of pulling something
// real); a config shaped by its path and by what the stamped object shows (a PodIntent's
// `.status.template` is the `.spec.template` it was given, a PodTemplateSpec); an owner's uid a
// UUID of zeros and a hash of its name.
import { evaluateJsonPath, wrapExpression } from '../eval/index.js';
import type { GoValue, JSONValue } from '../jsonpath/index.js';
import type { JSONObject } from '../model/index.js';
import type { OutputField } from './fields.js';
import { sha256Hex } from '../util/digest.js';

/** How a mocked value was made, for the notes and errors that name it. */
export interface Mock {
  value: JSONValue;
  /** Said after the value's name, e.g. `copied from .spec.template of the stamped object`. */
  how?: string;
}

/**
 * The stand-in for `field` of `resource`'s outputs. `path` is the template's path for it (absent
 * when the template itself is absent), `stamped` the object the resource stamped, if any, and
 * `shape` what the resources after it read a config as, when the template is absent.
 */
export function mockOutput(owner: { namespace: string; name: string }, resource: string, field: OutputField, from: { path?: string; stamped?: JSONObject; shape?: 'pod-template' } = {}): Mock {
  const { path, stamped, shape } = from;
  const ns = slug(owner.namespace);
  const name = slug(owner.name);
  const res = slug(resource);
  switch (field) {
    case 'url':
      return { value: `https://mock.invalid/${ns}/${name}/${res}.tar.gz` };
    case 'revision':
      return { value: `mock-revision-${res}` };
    case 'image':
      return { value: `mock.invalid/${ns}/${name}/${res}:mock` };
    case 'config':
      return mockConfig(`mock.invalid/${ns}/${name}/${res}:mock`, res, path, stamped, shape);
  }
}

/**
 * A config is any value, so its shape comes from where it is read: the `.spec` twin of a
 * `.status` path when the stamped object has one (controllers such as the convention service
 * publish in status what they were given in spec, completed), a PodTemplateSpec for a path
 * ending in `template` (or, when the template is absent, when the resources after it read the
 * config's `.spec` or `.metadata`: a platform's convention template), a map of text for `.data`
 * or when the template is absent (most config templates stamp a ConfigMap), and a marked string
 * otherwise (a Runnable's result).
 */
function mockConfig(image: string, res: string, path: string | undefined, stamped: JSONObject | undefined, shape: 'pod-template' | undefined): Mock {
  if (path !== undefined && stamped !== undefined) {
    const twin = specTwin(path);
    if (twin) {
      const read = evaluateJsonPath(twin, stamped as GoValue, 'current');
      if (read.ok && read.value !== null) return { value: structuredClone(read.value), how: `copied from ${twin.slice(1, -1)} of the stamped object` };
    }
  }
  const last = path === undefined ? undefined : lastField(path);
  if (last === 'template' || (path === undefined && shape === 'pod-template')) {
    return {
      value: {
        metadata: { labels: { 'mock.invalid/pod-template': 'stand-in' }, annotations: { 'mock.invalid/config': `a stand-in PodTemplateSpec for ${res}` } },
        spec: { containers: [{ name: 'workload', image }] },
      },
      how: 'a stand-in PodTemplateSpec',
    };
  }
  if (path === undefined || last === 'data') return { value: { 'mock-config': `mock-config-${res}` }, how: 'a stand-in map' };
  return { value: `mock-config-${res}` };
}

/** `{.status.template}` → `{.spec.template}`; undefined for a path outside status. */
function specTwin(path: string): string | undefined {
  const wrapped = wrapExpression(path);
  return /^\{\.status(?=[.[])/.test(wrapped) ? `{.spec${wrapped.slice('{.status'.length)}` : undefined;
}

/** The last field a path names (`.status.template` → `template`, `.data['x']` → `x`). */
function lastField(path: string): string | undefined {
  return /(?:\.|\[['"]?)([A-Za-z0-9_-]+)['"]?\]?\}?$/.exec(path.trim())?.[1];
}

/** Lower-case and safe inside a URL path or an image repository name. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

/** A Runnable output: a URL when its name says so, otherwise a marked string. */
export function mockRunnableOutput(runnable: { namespace: string; name: string }, output: string): JSONValue {
  if (/url/i.test(output)) return `https://mock.invalid/${slug(runnable.namespace)}/${slug(runnable.name)}/${slug(output)}`;
  return `mock-${slug(output)}-${slug(runnable.name)}`;
}

/**
 * The uid an owner written by hand lacks (the API server sets it): UUID-shaped, so that a
 * template building a name from it still gets a valid one, all zeros but for a hash of the
 * owner's kind, namespace and name — the same owner has the same uid on every run and machine.
 */
export function mockUid(owner: { kind: string; namespace: string; name: string }): string {
  const hash = sha256Hex(`${owner.kind}\u0000${owner.namespace}\u0000${owner.name}`);
  return `00000000-0000-0000-${hash.slice(0, 4)}-${hash.slice(4, 16)}`;
}

/**
 * `value` with the mocked outputs of resource `from` (of this owner) written as those of `to`:
 * carto diff compares a renamed resource's object as the same object, whose real outputs are the
 * same, so the stand-ins named after the old name are not a change. Only whole mock names are
 * rewritten (`mock-revision-source` is not the start of `mock-revision-source-provider`).
 */
export function renameMocks(value: JSONValue, owner: { namespace: string; name: string }, from: string, to: string): JSONValue {
  const base = `mock.invalid/${slug(owner.namespace)}/${slug(owner.name)}/`;
  const forms = (res: string) => [`${base}${res}.tar.gz`, `${base}${res}:mock`, `mock-revision-${res}`, `mock-config-${res}`, `a stand-in PodTemplateSpec for ${res}`];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const olds = forms(slug(from));
  const news = forms(slug(to));
  const pattern = new RegExp(olds.map((o) => `${escape(o)}(?![a-z0-9._-])`).join('|'), 'g');
  const rewrite = (v: JSONValue): JSONValue => {
    if (typeof v === 'string') return v.includes('mock') ? v.replace(pattern, (m) => news[olds.indexOf(m)] as string) : v;
    if (Array.isArray(v)) return v.map(rewrite);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]));
    return v;
  };
  return rewrite(value);
}
