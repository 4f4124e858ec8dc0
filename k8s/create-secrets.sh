#!/usr/bin/env bash
# Creates the Secrets the manifests reference but do not contain (secrets never live in the repo), for dev. Prod's
# come from its secret store through the ExternalSecrets of k8s/data/prod and k8s/overlays/prod (k8s/README.md, "Secrets").
#   newsroom-db-<role>  kubernetes.io/basic-auth, one per service role, random password
#   newsroom-jwt        public.pem: the key that verifies bearer JWTs (ingest, editorial, notify; prod: a JWKS URL)
#   newsroom-notify     token-secret, suppression-secret: random, for notify-service
#   newsroom-kafka-keda username, password (random), sasl, tls: KEDA's Kafka login (KafkaUser keda)
#   newsroom-smtp       username, password of the SMTP relay: only when SMTP_USERNAME and SMTP_PASSWORD
#                       are set in the environment (notify-service runs without it)
#   newsroom-backup-s3  ACCESS_KEY_ID, ACCESS_SECRET_KEY of the backups' object store (k8s/data/base/backup.yaml), from
#                       BACKUP_ACCESS_KEY_ID and BACKUP_SECRET_ACCESS_KEY: without it WAL archiving fails (and alerts)
# Not made here: the services' Kafka logins (the Strimzi User Operator writes a Secret per KafkaUser)
# and newsroom-cluster-ca-cert (Strimzi's cluster CA).
# Usage: k8s/create-secrets.sh NAMESPACE PATH/TO/jwt-public.pem
# Existing Secrets are left alone, so re-running never rotates a password under a running cluster.
set -euo pipefail
ns=${1:?usage: $0 NAMESPACE JWT_PUBLIC_KEY_PEM}
jwt=${2:?usage: $0 NAMESPACE JWT_PUBLIC_KEY_PEM}
# The namespace with its Pod Security labels (k8s/namespaces/, outside the overlays so that delete -k keeps it).
if [[ -f "$(dirname "$0")/namespaces/$ns.yaml" ]]; then
  kubectl apply -f "$(dirname "$0")/namespaces/$ns.yaml"
else
  kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"
fi
for role in ingest editorial publish notify; do
  name="newsroom-db-$role"
  if kubectl -n "$ns" get secret "$name" >/dev/null 2>&1; then
    echo "secret/$name exists, kept"
    continue
  fi
  kubectl -n "$ns" create secret generic "$name" --type=kubernetes.io/basic-auth \
    --from-literal=username="$role" --from-literal=password="$(openssl rand -hex 24)"
  # Let CloudNativePG's managed roles pick up password changes made to this Secret.
  kubectl -n "$ns" label secret "$name" cnpg.io/reload=true
done
if ! kubectl -n "$ns" get secret newsroom-notify >/dev/null 2>&1; then
  kubectl -n "$ns" create secret generic newsroom-notify \
    --from-literal=token-secret="$(openssl rand -hex 32)" --from-literal=suppression-secret="$(openssl rand -hex 32)"
fi
if ! kubectl -n "$ns" get secret newsroom-kafka-keda >/dev/null 2>&1; then
  kubectl -n "$ns" create secret generic newsroom-kafka-keda --from-literal=username=keda \
    --from-literal=password="$(openssl rand -hex 24)" --from-literal=sasl=scram_sha512 --from-literal=tls=enable
fi
if [[ -n "${SMTP_USERNAME:-}" && -n "${SMTP_PASSWORD:-}" ]]; then
  kubectl -n "$ns" create secret generic newsroom-smtp --from-literal=username="$SMTP_USERNAME" \
    --from-literal=password="$SMTP_PASSWORD" --dry-run=client -o yaml | kubectl -n "$ns" apply -f -
fi
if [[ -n "${BACKUP_ACCESS_KEY_ID:-}" && -n "${BACKUP_SECRET_ACCESS_KEY:-}" ]]; then
  kubectl -n "$ns" create secret generic newsroom-backup-s3 --from-literal=ACCESS_KEY_ID="$BACKUP_ACCESS_KEY_ID" \
    --from-literal=ACCESS_SECRET_KEY="$BACKUP_SECRET_ACCESS_KEY" --dry-run=client -o yaml | kubectl -n "$ns" apply -f -
fi
kubectl -n "$ns" create secret generic newsroom-jwt --from-file=public.pem="$jwt" \
  --dry-run=client -o yaml | kubectl -n "$ns" apply -f -
