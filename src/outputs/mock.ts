// Stand-in values for outputs that only a live cluster would have. They are deterministic,
// obviously fake, and of the right shape: URLs and image references under the reserved
// `.invalid` domain, so a mock that slips into a cluster fails loudly instead of pulling
// something real.
import type { JSONValue } from '../jsonpath/index.js';
import type { OutputField } from './fields.js';

export function mockOutput(owner: { namespace: string; name: string }, resource: string, field: OutputField): JSONValue {
  const ns = slug(owner.namespace);
  const name = slug(owner.name);
  const res = slug(resource);
  switch (field) {
    case 'url':
      return `https://mock.invalid/${ns}/${name}/${res}.tar.gz`;
    case 'revision':
      return `mock-revision-${res}`;
    case 'image':
      return `mock.invalid/${ns}/${name}/${res}:mock`;
    case 'config':
      return `mock-config-${res}`;
  }
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
