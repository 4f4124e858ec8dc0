# shellcheck shell=bash
# ./newsroom images: the four services' container images, built and pushed by Jib (no Docker daemon), run under runc.
# shellcheck source=tools/launcher/stack.sh
source "$LAUNCHER/stack.sh"

# The images go to a registry started here (docker-registry from Debian's packages). Their base is
# Quarkus' default (UBI OpenJDK runtime) elsewhere; this machine reaches no image registry, so
# `images` builds an equivalent base from Debian's packages: bookworm + OpenJDK 17 JRE, user 185.
REGISTRY="127.0.0.1:$REGISTRY_PORT"
IMAGES="$STATE/images"
BASE_IMAGE="$REGISTRY/newsroom/openjdk-17-jre:bookworm"
DEBIAN_MIRROR="${NEWSROOM_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
IMAGE_TOOLS=(docker-registry skopeo umoci runc debootstrap)

ensure_image_tools() {
  ((EUID == 0)) || die "images: runs as root (debootstrap and runc need it)"
  local tool missing=()
  for tool in "${IMAGE_TOOLS[@]}"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  ((${#missing[@]} == 0)) && return 0
  info "installing ${missing[*]} from Debian's packages"
  apt-get install -y -q "${missing[@]}" >&2 || { apt-get update -q >&2 && apt-get install -y -q "${missing[@]}" >&2; } \
    || die "could not install ${missing[*]}"
}

registry_answers() { curl -fsS -o /dev/null --max-time 2 "http://$REGISTRY/v2/"; }

ensure_registry() {
  registry_answers && return 0
  mkdir -p "$IMAGES/registry"
  cat >"$IMAGES/registry.yml" <<YAML
version: 0.1
storage:
  filesystem:
    rootdirectory: $IMAGES/registry
http:
  addr: $REGISTRY
YAML
  info "starting an image registry on $REGISTRY"
  start_bg registry "$LOGS/registry.log" docker-registry serve "$IMAGES/registry.yml"
  wait_until 30 "image registry" registry "$LOGS/registry.log" registry_answers
}

ensure_base_image() {
  skopeo inspect -q --tls-verify=false "docker://$BASE_IMAGE" >/dev/null 2>&1 && return 0
  local rootfs="$IMAGES/rootfs" layout="$IMAGES/base"
  if [[ ! -x "$rootfs/usr/lib/jvm/java-17-openjdk-amd64/bin/java" ]]; then
    info "building the base image's root filesystem: Debian bookworm + OpenJDK 17 JRE (debootstrap, once)"
    rm -rf "$rootfs"
    debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" \
      "$DEBIAN_MIRROR" >"$LOGS/debootstrap.log" 2>&1 || die "debootstrap failed (see $LOGS/debootstrap.log)"
    # UID 185 in group 0, as in the UBI images: what the Deployments' securityContext runs as.
    chroot "$rootfs" useradd --system --uid 185 --gid 0 --home-dir /home/jboss --no-create-home jboss
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc \
      "$rootfs"/usr/share/man
  fi
  info "packing and pushing the base image $BASE_IMAGE"
  rm -rf "$layout" "$IMAGES/rootfs.tar"
  tar -C "$rootfs" --numeric-owner -cf "$IMAGES/rootfs.tar" .
  umoci init --layout "$layout"
  umoci new --image "$layout:base"
  umoci raw add-layer --image "$layout:base" "$IMAGES/rootfs.tar"
  umoci config --image "$layout:base" --os linux --architecture amd64 --config.user 185 \
    --config.workingdir /home/jboss --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --config.env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
  skopeo copy -q --dest-tls-verify=false "oci:$layout:base" "docker://$BASE_IMAGE"
  rm -f "$IMAGES/rootfs.tar"
}

# The same Maven invocation ops use for their registry (docs/operations.md), pointed at the local one.
build_images() {
  info "building the four images with Jib and pushing them to $REGISTRY"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${SERVICES[*]}")" -am \
    -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
    -Dquarkus.container-image.registry="$REGISTRY" -Dquarkus.container-image.insecure=true \
    -Dquarkus.jib.base-jvm-image="$BASE_IMAGE") || die "image build failed"
}

image_ref() { echo "$REGISTRY/newsroom/$1@$(cat "$ROOT/$1/target/jib-image.digest")"; }

bundle_dir() { echo "$IMAGES/bundles/$1"; }

# prepare_bundle SVC VAR...: the service's image, pulled back from the registry by digest, unpacked into an OCI
# runtime bundle that runs as the Deployment does (UID 185, read-only root, a writable /tmp), with the host's
# network so it reaches the local PostgreSQL and Kafka, and the dev JWT public key where the service looks for it
# (a copy UID 185 may read, as a Secret volume would be).
prepare_bundle() {
  local svc=$1 bundle layout="$IMAGES/pulled/$1"; shift
  bundle="$(bundle_dir "$svc")"
  rm -rf "$bundle" "$layout"
  mkdir -p "$(dirname "$bundle")" "$(dirname "$layout")"
  skopeo copy -q --src-tls-verify=false "docker://$(image_ref "$svc")" "oci:$layout:run" \
    || die "$svc: could not pull $(image_ref "$svc")"
  umoci unpack --image "$layout:run" "$bundle" >/dev/null || die "$svc: could not unpack its image"
  runc delete --force "newsroom-$svc" >/dev/null 2>&1 || true
  install -d -m 755 "$bundle/jwt"
  install -m 644 "$JWT_DIR/public.pem" "$bundle/jwt/public.pem"
  python3 "$LAUNCHER/runc_bundle.py" "$bundle/config.json" "$bundle/jwt" "$JWT_DIR" "$SERVICE_JAVA_OPTS" "$@"
}

cmd_images() {
  ensure_image_tools
  local svc
  for svc in "${SERVICES[@]}"; do
    if is_running "$svc" || port_open 127.0.0.1 "${SERVICE_PORT[$svc]}" \
        || port_open 127.0.0.1 "${MANAGEMENT_PORT[$svc]}"; then
      die "$svc is running: ./newsroom down first, the images take its place"
    fi
  done
  up_infra
  ensure_registry
  ensure_base_image
  build_images
  local version digest
  version="$(project_version)"
  for svc in "${SERVICES[@]}"; do
    digest="$(cat "$ROOT/$svc/target/jib-image.digest")"
    [[ "$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$REGISTRY/newsroom/$svc:$version")" \
      == "$digest" ]] || die "$svc: the tag $version does not name the image just built ($digest)"
    info "$svc: pushed as $REGISTRY/newsroom/$svc:$version ($digest)"
  done
  FROM_IMAGES=1
  ensure_samples_server
  start_services
  print_summary
  info "the stack runs from its images: ./newsroom demo goes through them, ./newsroom down stops them"
}

project_version() { sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -n 1; }
