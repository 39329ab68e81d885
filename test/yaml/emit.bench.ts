// Hand-run micro-benchmark (not part of `vitest run`):
//   npx vitest bench test/yaml --run
// Compares emitYaml with the `yaml` package's stringify on a ~1 KB Kubernetes object, and a
// 1000-document stream.
import { bench, describe } from 'vitest';
import { stringify } from 'yaml';
import { emitYaml, emitYamlStream } from '../../src/yaml/index.js';

function workload(i: number): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: `tanzu-java-web-app-${i}`,
      namespace: 'dev-team-a',
      labels: {
        'app.kubernetes.io/part-of': 'tanzu-java-web-app',
        'apps.tanzu.vmware.com/workload-type': 'web',
        'apps.tanzu.vmware.com/has-tests': 'true',
        'carto.run/workload-name': 'tanzu-java-web-app',
      },
      annotations: { 'kapp.k14s.io/change-rule': 'upsert after upserting servicebinding.io/ServiceBindings' },
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'tanzu-java-web-app' } },
      template: {
        metadata: { labels: { app: 'tanzu-java-web-app' }, annotations: {} },
        spec: {
          serviceAccountName: 'default',
          containers: [
            {
              name: 'workload',
              image:
                'registry.example.com/tap/supply-chain/tanzu-java-web-app@sha256:88a595b6879def1749ad19d917d63c46d5190c11871ea53f929e3a347726ef7a',
              env: [
                { name: 'JAVA_TOOL_OPTIONS', value: '-Dserver.port="8080"' },
                { name: 'SPRING_PROFILES_ACTIVE', value: 'dev' },
              ],
              ports: [{ containerPort: 8080, protocol: 'TCP' }],
              resources: { limits: { cpu: '500m', memory: '1Gi' } },
              securityContext: { allowPrivilegeEscalation: false, runAsUser: 1000, capabilities: { drop: ['ALL'] } },
            },
          ],
        },
      },
    },
  };
}

const one = workload(0);
const many = Array.from({ length: 1000 }, (_, i) => workload(i));
// Print the size once so the numbers can be read per KB.
console.log(`object size: ${emitYaml(one).length} bytes of YAML`);

describe('one ~1 KB object', () => {
  bench('emitYaml', () => {
    emitYaml(one);
  });
  bench('yaml.stringify', () => {
    stringify(one);
  });
});

describe('1000-document stream', () => {
  bench('emitYamlStream', () => {
    emitYamlStream(many);
  });
  bench('yaml.stringify x1000', () => {
    let out = '';
    for (const d of many) out += stringify(d) + '---\n';
  });
});
