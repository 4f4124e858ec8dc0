// Validates the rendered documents of the operators' kinds (one JSON object a line on stdin) against the upstream
// CRD schemas, as the @kubernetes-models packages compile them; prints one line per invalid document and exits 0.
// CRD schemas leave unknown fields to the API server's pruning: deploy-check's strict typed read refuses those.
import { createInterface } from "node:readline";

const MODELS = {
  "gateway.networking.k8s.io/v1/Gateway": "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway",
  "gateway.networking.k8s.io/v1/HTTPRoute": "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute",
  "cert-manager.io/v1/Certificate": "@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate",
  "monitoring.coreos.com/v1/PodMonitor": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor",
  "monitoring.coreos.com/v1/PrometheusRule":
    "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule",
  "keda.sh/v1alpha1/ScaledObject": "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject",
  "keda.sh/v1alpha1/TriggerAuthentication": "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication",
  "external-secrets.io/v1/ExternalSecret": "@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret",
};

if (process.argv[2] === "--kinds") {
  console.log(Object.keys(MODELS).join("\n"));
  process.exit(0);
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const key = `${doc.apiVersion}/${doc.kind}`;
  if (!MODELS[key]) continue;
  const Model = (await import(MODELS[key]))[doc.kind];
  try {
    new Model(doc).validate();
  } catch (e) {
    console.log(`${key} ${doc.metadata?.name}: ${e.message.replace(/\s+/g, " ")}`);
  }
}
