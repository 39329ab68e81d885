// Writes the helm chart that is carto's peer in the benchmark: `helm template` of it prints the same
// objects carto stamps from examples/source-to-url/'s supply chain (same kinds, names, namespaces,
// labels and spec fields, the same mock.invalid stand-ins for the outputs only a cluster has). The
// Workloads go into values.yaml, one entry each, and every template ranges over them, so helm does
// the same per-Workload work carto does: read the values, fill in five templates, print YAML.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

const CHART_YAML = `apiVersion: v2
name: source-to-url
description: The blog's source-to-url supply chain as a helm chart (carto's benchmark peer)
type: application
version: 0.1.0
`;

const HELPERS = `{{/* The labels Cartographer 0.0.6's stamper puts on every object, plus the template's own. */}}
{{- define "bench.labels" -}}
app.kubernetes.io/part-of: {{ .name }}
carto.run/workload-name: {{ .name }}
carto.run/workload-namespace: {{ .namespace }}
carto.run/cluster-supply-chain-name: {{ .chain }}
carto.run/component-name: {{ .component }}
carto.run/template-kind: {{ .kind }}
carto.run/cluster-template-name: {{ .template }}
{{- end }}
`;

// One template file per supply chain resource; each starts the same way.
const head = (apiVersion, kind, component, templateKind, template) => `{{- range .Values.workloads }}
{{- $ns := .namespace | default $.Release.Namespace }}
---
apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: {{ .name }}
  namespace: {{ $ns }}
  labels:
    {{- include "bench.labels" (dict "name" .name "namespace" $ns "chain" $.Values.supplyChain "component" "${component}" "kind" "${templateKind}" "template" "${template}") | nindent 4 }}
`;

const TEMPLATES = {
  'source.yaml': `${head('source.toolkit.fluxcd.io/v1beta1', 'GitRepository', 'source-provider', 'ClusterSourceTemplate', 'source')}spec:
  interval: 3m
  url: {{ .source.git.url | quote }}
  ref:
    {{- toYaml .source.git.ref | nindent 4 }}
  ignore: ""
{{- end }}
`,
  'image.yaml': `${head('kpack.io/v1alpha1', 'Image', 'image-builder', 'ClusterImageTemplate', 'image')}spec:
  tag: {{ printf "ghcr.io/making/%s" .name }}
  serviceAccount: default
  builder:
    kind: ClusterBuilder
    name: base
  source:
    blob:
      url: {{ printf "https://mock.invalid/%s/%s/source-provider.tar.gz" $ns .name | quote }}
{{- end }}
`,
  'deployment.yaml': `${head('apps/v1', 'Deployment', 'deployer-deployment', 'ClusterTemplate', 'app-deploy-deployment')}spec:
  template:
    metadata:
      labels:
        app.kubernetes.io/part-of: {{ .name }}
    spec:
      containers:
      - name: workload
        image: {{ printf "mock.invalid/%s/%s/image-builder:mock" $ns .name }}
        {{- if .env }}
        env:
          {{- toYaml .env | nindent 8 }}
        {{- else }}
        env: null
        {{- end }}
        {{- if hasKey . "resources" }}
        resources:
          {{- toYaml .resources | nindent 10 }}
        {{- else }}
        resources: null
        {{- end }}
        ports:
        - name: http-port
          containerPort: 8080
        securityContext:
          runAsUser: 1000
  selector:
    matchLabels:
      app.kubernetes.io/part-of: {{ .name }}
{{- end }}
`,
  'service.yaml': `${head('v1', 'Service', 'deployer-service', 'ClusterTemplate', 'app-deploy-service')}spec:
  ports:
  - name: http
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app.kubernetes.io/part-of: {{ .name }}
  type: ClusterIP
{{- end }}
`,
  'ingress.yaml': `${head('networking.k8s.io/v1', 'Ingress', 'deployer-ingress', 'ClusterTemplate', 'app-deploy-ingress')}spec:
  rules:
  - host: {{ printf "%s-127-0-0-1.sslip.io" .name }}
    http:
      paths:
      - backend:
          service:
            name: {{ .name }}
            port:
              number: 80
        path: /
        pathType: Exact
{{- end }}
`,
};

/** A Workload as one entry of values.yaml: the fields the chain's templates read. */
function valuesEntry(workload) {
  const entry = { name: workload.metadata.name };
  if (workload.metadata.namespace) entry.namespace = workload.metadata.namespace;
  entry.source = workload.spec.source;
  if (workload.spec.env !== undefined) entry.env = workload.spec.env;
  if (workload.spec.resources !== undefined) entry.resources = workload.spec.resources;
  return entry;
}

/**
 * Writes the chart for these Workloads into dir (replacing it); returns { dir, values }. With
 * `valuesFile`, the Workloads go into that file instead of the chart's values.yaml (`helm template
 * -f FILE`): helm refuses a chart file larger than 5 MiB, which 100,000 Workloads are.
 */
export function writeChart(dir, workloads, valuesFile) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), CHART_YAML);
  const entries = { workloads: workloads.map(valuesEntry) };
  writeFileSync(join(dir, 'values.yaml'), stringify({ supplyChain: 'supply-chain', ...(valuesFile ? {} : entries) }));
  if (valuesFile) writeFileSync(valuesFile, stringify(entries));
  writeFileSync(join(dir, 'templates', '_helpers.tpl'), HELPERS);
  for (const [file, text] of Object.entries(TEMPLATES)) writeFileSync(join(dir, 'templates', file), text);
  return { dir, ...(valuesFile ? { values: valuesFile } : {}) };
}

/** The chart for many generated Workloads (in a values file beside it), written once: kept while its marker says it is complete. */
export function keptChart(dir, count, workloadAt) {
  const marker = join(dir, '.complete');
  const values = `${dir}-values.yaml`;
  const stamp = `${count} ${JSON.stringify(TEMPLATES).length}\n`;
  if (existsSync(marker) && existsSync(values) && readFileSync(marker, 'utf8') === stamp) return { dir, values };
  writeChart(dir, Array.from({ length: count }, (_, i) => workloadAt(i)), values);
  writeFileSync(marker, stamp);
  return { dir, values };
}
